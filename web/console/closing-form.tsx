// The closing form she owes once a conversation ends: what kinds of violence were spoken of, by whom, her
// age, what was done and where she was referred, and a comment for the team. Sending it puts the tab away.
import { useId, useState } from 'preact/hooks';
import type {
  ClosingCategory,
  ClosingFormAnswers,
  ClosingFormLists,
} from '../../src/protocol/conversation-tools-schema.ts';
import { MAX_CLOSING_COMMENT_LENGTH } from '../../src/protocol/conversation-tools-schema.ts';
import type { ApiError } from './api.ts';
import type { ConsoleClient } from './console-client.ts';
import { errorText } from './error-text.ts';
import { TextAreaField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';

interface ClosingFormProps {
  conversationId: string;
  lists: ClosingFormLists | null;
  client: ConsoleClient | null;
}

const emptyAnswers = (): ClosingFormAnswers => ({
  violenceTypes: [],
  author: null,
  ageBracket: null,
  actions: [],
  services: [],
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

export function ClosingForm({ conversationId, lists, client }: ClosingFormProps) {
  const { t } = useLocale();
  const titleId = useId();
  const [answers, setAnswers] = useState(emptyAnswers);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [missingAction, setMissingAction] = useState(false);
  const [busy, setBusy] = useState(false);
  const change = (next: Partial<ClosingFormAnswers>) => setAnswers((current) => ({ ...current, ...next }));

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
