// The closing form she owes once a conversation ends: what kind of contact it was, what kinds of violence were
// spoken of, by whom, her age (from her intake answer when she gave one), whether she had written before,
// children exposed, the danger and whether emergency services were called, what was done and where she was
// referred, how she heard of the service, her area, and a comment for the team. Every reporting question may
// stay "not said"; each goes when an admin empties its list. Sending it puts the tab away.
import { useId, useState } from 'preact/hooks';
import type {
  ClosingCategory,
  ClosingFormAnswers,
  ClosingFormLists,
} from '../../src/protocol/conversation-tools-schema.ts';
import { MAX_CLOSING_COMMENT_LENGTH } from '../../src/protocol/conversation-tools-schema.ts';
import type { IntakeAnswers } from '../../src/protocol/schemas.ts';
import type { ApiError } from './api.ts';
import type { ConsoleClient } from './console-client.ts';
import { errorText } from './error-text.ts';
import { TextAreaField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';

interface ClosingFormProps {
  conversationId: string;
  lists: ClosingFormLists | null;
  /** Her intake answers: an age she gave there fills the age in. */
  intake: IntakeAnswers;
  client: ConsoleClient | null;
}

/** The age bracket she chose in the intake, when the closing form's list has it (their ids match by default). */
export function intakeAgeBracket(lists: ClosingFormLists, intake: IntakeAnswers): string | null {
  const brackets = new Set(lists.ageBrackets.map((bracket) => bracket.id));
  return Object.values(intake).find((answer) => brackets.has(answer)) ?? null;
}

const emptyAnswers = (ageBracket: string | null): ClosingFormAnswers => ({
  violenceTypes: [],
  author: null,
  ageBracket,
  actions: [],
  services: [],
  contactType: null,
  returning: null,
  childrenExposed: null,
  dangerLevel: null,
  emergencyCalled: null,
  heardFrom: null,
  area: null,
  comment: '',
});

const toggled = (ids: readonly string[], id: string, on: boolean) =>
  on ? [...ids.filter((other) => other !== id), id] : ids.filter((other) => other !== id);

/** Services matter only for a referral; without an "orientation" category the admins chose, they always show. */
export function showsServices(lists: ClosingFormLists, actions: readonly string[]): boolean {
  return !lists.actions.some((action) => action.id === 'orientation') || actions.includes('orientation');
}

function Choices(props: {
  legend: string;
  items: readonly ClosingCategory[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  const { locale } = useLocale();
  const name = useId();
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {props.items.map((item) => (
        <label key={item.id} class="choice">
          <input
            type="checkbox"
            name={name}
            checked={props.selected.includes(item.id)}
            onChange={(event) => props.onChange(toggled(props.selected, item.id, event.currentTarget.checked))}
          />
          {item.label[locale]}
        </label>
      ))}
    </fieldset>
  );
}

function OneChoice(props: {
  legend: string;
  items: readonly ClosingCategory[];
  selected: string | null;
  onChange: (selected: string | null) => void;
}) {
  const { t, locale } = useLocale();
  const name = useId();
  const options = [...props.items.map((item) => ({ id: item.id, label: item.label[locale] }))];
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {[...options, { id: null, label: t('closingForm.unknown') }].map((option) => (
        <label key={option.id ?? ''} class="choice">
          <input
            type="radio"
            name={name}
            checked={props.selected === option.id}
            onChange={() => props.onChange(option.id)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A yes or no the counselor may not know. */
function KnownOrNot(props: {
  legend: string;
  yes: string;
  no: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
}) {
  const { t } = useLocale();
  const name = useId();
  const options = [
    { value: true, label: props.yes },
    { value: false, label: props.no },
    { value: null, label: t('closingForm.unknown') },
  ];
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {options.map((option) => (
        <label key={String(option.value)} class="choice">
          <input
            type="radio"
            name={name}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Her area, from a list too long for buttons (France has 101 départements). */
function AreaChoice(props: {
  items: readonly ClosingCategory[];
  selected: string | null;
  onChange: (selected: string | null) => void;
}) {
  const { t, locale } = useLocale();
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t('closingForm.area')}</label>
      <select
        id={id}
        value={props.selected ?? ''}
        onChange={(event) => props.onChange(event.currentTarget.value || null)}
      >
        <option value="">{t('closingForm.unknown')}</option>
        {props.items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.label[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ClosingForm({ conversationId, lists, intake, client }: ClosingFormProps) {
  const { t } = useLocale();
  const titleId = useId();
  const [answers, setAnswers] = useState(() => emptyAnswers(lists ? intakeAgeBracket(lists, intake) : null));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [missingAction, setMissingAction] = useState(false);
  const [busy, setBusy] = useState(false);
  const change = (next: Partial<ClosingFormAnswers>) => {
    setAnswers((current) => ({ ...current, ...next }));
    if (next.actions && next.actions.length > 0) setMissingAction(false);
  };

  if (!lists) return <p role="status">{t('app.loading')}</p>;
  const services = showsServices(lists, answers.actions);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMissingAction(answers.actions.length === 0);
    if (answers.actions.length === 0 || !client) return;
    setBusy(true);
    const ack = await client.fileClosingForm(conversationId, {
      ...answers,
      services: services ? answers.services : [],
    });
    setBusy(false);
    setProblem(ack.ok ? null : ack.error);
  };

  return (
    <form class="closing-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>{t('closingForm.title')}</h3>
      <p class="hint">{t('closingForm.intro')}</p>
      {lists.contactTypes.length > 0 && (
        <OneChoice
          legend={t('closingForm.contactType')}
          items={lists.contactTypes}
          selected={answers.contactType}
          onChange={(contactType) => change({ contactType })}
        />
      )}
      <Choices
        legend={t('closingForm.violenceTypes')}
        items={lists.violenceTypes}
        selected={answers.violenceTypes}
        onChange={(violenceTypes) => change({ violenceTypes })}
      />
      <OneChoice
        legend={t('closingForm.author')}
        items={lists.authors}
        selected={answers.author}
        onChange={(author) => change({ author })}
      />
      <OneChoice
        legend={t('closingForm.ageBracket')}
        items={lists.ageBrackets}
        selected={answers.ageBracket}
        onChange={(ageBracket) => change({ ageBracket })}
      />
      <KnownOrNot
        legend={t('closingForm.returning')}
        yes={t('closingForm.returningYes')}
        no={t('closingForm.returningNo')}
        value={answers.returning}
        onChange={(returning) => change({ returning })}
      />
      <KnownOrNot
        legend={t('closingForm.childrenExposed')}
        yes={t('closingForm.yes')}
        no={t('closingForm.no')}
        value={answers.childrenExposed}
        onChange={(childrenExposed) => change({ childrenExposed })}
      />
      {lists.dangerLevels.length > 0 && (
        <OneChoice
          legend={t('closingForm.dangerLevel')}
          items={lists.dangerLevels}
          selected={answers.dangerLevel}
          onChange={(dangerLevel) => change({ dangerLevel })}
        />
      )}
      <KnownOrNot
        legend={t('closingForm.emergencyCalled')}
        yes={t('closingForm.yes')}
        no={t('closingForm.no')}
        value={answers.emergencyCalled}
        onChange={(emergencyCalled) => change({ emergencyCalled })}
      />
      <Choices
        legend={t('closingForm.actions')}
        items={lists.actions}
        selected={answers.actions}
        onChange={(actions) => change({ actions })}
      />
      {services && (
        <Choices
          legend={t('closingForm.services')}
          items={lists.services}
          selected={answers.services}
          onChange={(chosen) => change({ services: chosen })}
        />
      )}
      {lists.heardFrom.length > 0 && (
        <OneChoice
          legend={t('closingForm.heardFrom')}
          items={lists.heardFrom}
          selected={answers.heardFrom}
          onChange={(heardFrom) => change({ heardFrom })}
        />
      )}
      {lists.areas.length > 0 && (
        <AreaChoice items={lists.areas} selected={answers.area} onChange={(area) => change({ area })} />
      )}
      <TextAreaField
        label={t('closingForm.comment')}
        hint={t('closingForm.commentHint')}
        value={answers.comment}
        rows={2}
        onInput={(comment) => change({ comment: comment.slice(0, MAX_CLOSING_COMMENT_LENGTH) })}
      />
      {missingAction && (
        <p class="error" role="alert">
          {t('closingForm.actionsRequired')}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('closingForm.submit')}
      </button>
    </form>
  );
}
