// The board's intake switch: open, paused (nobody new for now) or queue closing (nobody new, those waiting keep
// their place), with a short message that visitors read on the home page.
import { useEffect, useId, useState } from 'preact/hooks';
import type { IntakeMode, IntakeModeView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import type { SupervisionClient } from './supervision-client.ts';
import { clockTime } from './time.ts';

const choices: { mode: IntakeMode; label: MessageKey }[] = [
  { mode: 'open', label: 'supervision.intakeOpen' },
  { mode: 'paused', label: 'supervision.intakePaused' },
  { mode: 'closing', label: 'supervision.intakeClosing' },
];

export function SupervisionIntake({ intake, client }: { intake: IntakeModeView; client: SupervisionClient | null }) {
  const { t, locale } = useLocale();
  const id = useId();
  const [mode, setMode] = useState<IntakeMode>(intake.mode);
  const [message, setMessage] = useState(intake.message ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Another supervisor switched it: show what holds now.
  useEffect(() => {
    setMode(intake.mode);
    setMessage(intake.message ?? '');
  }, [intake.mode, intake.message]);

  const apply = async (event: Event) => {
    event.preventDefault();
    if (!client) return;
    setBusy(true);
    const ack = await client.setIntakeMode(mode, mode === 'open' ? null : message.trim() || null);
    setBusy(false);
    setError(ack.ok ? null : ack.error);
  };

  const now =
    intake.mode === 'open' || !intake.since
      ? t('supervision.intakeNow.open')
      : t(`supervision.intakeNow.${intake.mode}`, {
          time: clockTime(intake.since, locale),
          name: intake.setByName ?? '—',
        });
  return (
    <section class="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('supervision.intake')}</h2>
      <p class={intake.mode === 'open' ? 'hint' : 'notice'} role="status">
        {now}
      </p>
      <form class="intake-switch" onSubmit={apply}>
        <fieldset>
          <legend class="visually-hidden">{t('supervision.intake')}</legend>
          {choices.map((choice) => (
            <label key={choice.mode} class="intake-choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={choice.mode}
                checked={mode === choice.mode}
                onChange={() => setMode(choice.mode)}
              />
              {t(choice.label)}
            </label>
          ))}
        </fieldset>
        {mode !== 'open' && (
          <div class="field">
            <label for={`${id}-message`}>{t('supervision.intakeMessage')}</label>
            <input
              id={`${id}-message`}
              type="text"
              maxLength={200}
              value={message}
              aria-describedby={`${id}-hint`}
              onInput={(event) => setMessage(event.currentTarget.value)}
            />
            <p class="hint" id={`${id}-hint`}>
              {t('supervision.intakeMessageHint')}
            </p>
          </div>
        )}
        <button type="submit" class="button button-primary button-small" disabled={busy || !client}>
          {t('supervision.intakeApply')}
        </button>
        {error && (
          <p class="error" role="alert">
            {errorText(t, error)}
          </p>
        )}
      </form>
    </section>
  );
}
