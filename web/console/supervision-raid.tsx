// Raid mode and the raid wave on the board: a calm suggestion when a surge is detected, the audited switch
// with its short public line, and ending the waiting conversations of a recent window after seeing how many.
import { useId, useState } from 'preact/hooks';
import { supervisionEvents } from '../../src/protocol/events.ts';
import type { SupervisionBoardView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { SupervisionClient } from './supervision-client.ts';

const windows = [5, 15, 30, 60] as const;

export function SupervisionRaid({
  raid,
  client,
}: {
  raid: SupervisionBoardView['raid'];
  client: SupervisionClient | null;
}) {
  const { t } = useLocale();
  const id = useId();
  const [message, setMessage] = useState(raid.message ?? '');
  const [minutes, setMinutes] = useState<(typeof windows)[number]>(15);
  const [includeUrgent, setIncludeUrgent] = useState(false);
  const [preview, setPreview] = useState<{ count: number; until: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const toggle = async () => {
    if (!client) return;
    const ack = await client.request(supervisionEvents.raidMode, { on: !raid.on, message: message.trim() || null });
    setError(ack.ok ? null : ack.error);
  };
  const count = async () => {
    if (!client) return;
    const ack = await client.request<{ count: number; until: string }>(supervisionEvents.endWave, {
      withinMinutes: minutes,
      includeUrgent,
      preview: true,
    });
    setPreview(ack.ok ? { count: ack.count, until: ack.until } : null);
    setError(ack.ok ? null : ack.error);
  };
  const endWave = async () => {
    if (!client || !preview) return null;
    const ack = await client.request(supervisionEvents.endWave, {
      withinMinutes: minutes,
      includeUrgent,
      preview: false,
      until: preview.until,
    });
    setPreview(null);
    return ack.ok ? null : ack.error;
  };

  return (
    <section class="panel raid-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('raid.title')}</h2>
      {raid.suggested && (
        <p class="notice" role="status">
          {t('raid.suggested')}
        </p>
      )}
      <p class={raid.on ? 'notice' : 'hint'} role="status">
        {raid.on ? t('raid.on', { name: raid.setByName ?? '—' }) : t('raid.off')}
      </p>
      <div class="field">
        <label for={`${id}-message`}>{t('raid.message')}</label>
        <input
          id={`${id}-message`}
          type="text"
          maxLength={200}
          value={message}
          onInput={(event) => setMessage(event.currentTarget.value)}
        />
      </div>
      <button type="button" class="button button-primary button-small" disabled={!client} onClick={toggle}>
        {raid.on ? t('raid.switchOff') : t('raid.switchOn')}
      </button>
      <h3>{t('raid.wave')}</h3>
      <div class="field">
        <label for={`${id}-window`}>{t('raid.window')}</label>
        <select
          id={`${id}-window`}
          value={minutes}
          onChange={(event) => {
            setMinutes(Number(event.currentTarget.value) as (typeof windows)[number]);
            setPreview(null);
          }}
        >
          {windows.map((n) => (
            <option key={n} value={n}>
              {t('raid.minutes', { n })}
            </option>
          ))}
        </select>
      </div>
      <label class="intake-choice">
        <input
          type="checkbox"
          checked={includeUrgent}
          onChange={(event) => {
            setIncludeUrgent(event.currentTarget.checked);
            setPreview(null);
          }}
        />
        {t('raid.includeUrgent')}
      </label>
      <div>
        {preview ? (
          <ConfirmAction
            name="raid-wave"
            label={t('raid.endWave', { n: preview.count })}
            question={t('raid.endWaveConfirm', { n: preview.count })}
            yes={t('raid.endWaveYes')}
            no={t('raid.endWaveNo')}
            tone="danger"
            onConfirm={endWave}
          />
        ) : (
          <button type="button" class="button button-quiet button-small" disabled={!client} onClick={count}>
            {t('raid.count')}
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}
