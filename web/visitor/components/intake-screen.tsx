// The optional questions before she joins the queue, one radio group per question. An answer marked urgent
// ("in danger right now") brings up the emergency numbers at once, right under it; she can still join, and is
// placed ahead. Only the questions she answered are sent; "Skip the questions" sends none.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Intake, IntakeAnswers } from '../../../src/protocol/settings-schema.ts';
import { type IntakeChoices, intakePayload, urgentQuestion } from '../intake.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { EmergencyList, EmergencyNumbers } from './emergency-numbers.tsx';

export interface IntakeScreenProps {
  intake: Intake;
  starting: boolean;
  onJoin: (answers: IntakeAnswers | undefined) => void;
}

export function IntakeScreen({ intake, starting, onJoin }: IntakeScreenProps) {
  const { t, locale } = useTexts();
  const heading = useHeadingFocus();
  const [choices, setChoices] = useState<IntakeChoices>({});
  const urgentAt = urgentQuestion(intake, choices);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('intake.heading')}
      </h1>
      <p>
        <strong>{t('intake.optional')}</strong> {t('intake.why')}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onJoin(intakePayload(intake, choices));
        }}
      >
        {intake.questions.map((question) => (
          <Fragment key={question.id}>
            <fieldset class="card question">
              <legend>{question.label[locale]}</legend>
              {question.options.map((option) => (
                <label class="choice" key={option.id}>
                  <input
                    type="radio"
                    name={`intake-${question.id}`}
                    value={option.id}
                    checked={choices[question.id] === option.id}
                    onChange={() => setChoices({ ...choices, [question.id]: option.id })}
                  />
                  {option.label[locale]}
                </label>
              ))}
            </fieldset>
            {urgentAt === question.id && <UrgentHelp />}
          </Fragment>
        ))}
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={starting}>
            {t('intake.join')}
          </button>
          <button type="button" class="button button-secondary" disabled={starting} onClick={() => onJoin(undefined)}>
            {t('intake.skip')}
          </button>
        </div>
        <p class="muted" role="status">
          {starting ? t('home.starting') : ''}
        </p>
      </form>
      {urgentAt === null && <EmergencyNumbers />}
    </>
  );
}

function UrgentHelp() {
  const { t } = useTexts();
  return (
    <div class="urgent">
      <p class="urgent-lead" role="alert">
        {t('intake.danger')}
      </p>
      <EmergencyList label={t('emergency.heading')} />
      <p>{t('intake.priority')}</p>
    </div>
  );
}
