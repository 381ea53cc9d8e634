// Opening hours, time zone, closures, limits, retention, admission, the optional questions and the visitor
// page, saved together.
import { useEffect, useState } from 'preact/hooks';
import { MAX_CONVERSATIONS_PER_COUNSELOR } from '../../src/protocol/limits.ts';
import { fetchSettings, saveSettings } from './admin-api.ts';
import type { ApiError } from './api.ts';
import { AutoAssignmentSetting } from './auto-assignment-setting.tsx';
import { ClosingListsEditor } from './closing-lists-editor.tsx';
import { ClosuresEditor } from './closures-editor.tsx';
import { errorText } from './error-text.ts';
import { IntakeEditor } from './intake-editor.tsx';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { fromSettingsForm, parseMaxQueue, type SettingsForm, toSettingsForm } from './settings-form.ts';
import { SlotsEditor } from './slots-editor.tsx';
import { TextField } from './text-field.tsx';
import { AdmissionSettings, PresenceSettings, StatisticsSettings, VisitorPageSettings } from './visitor-settings.tsx';

export function AdminSettings() {
  const { t } = useLocale();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [formProblem, setFormProblem] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fetchSettings().then((answer) =>
      answer.ok ? setForm(toSettingsForm(answer.settings)) : setProblem(answer.error),
    );
  }, []);

  const change = (next: Partial<SettingsForm>) => {
    setSaved(false);
    setForm((current) => (current ? { ...current, ...next } : current));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    setProblem(null);
    // An unreadable cap must not be sent as "no cap".
    const invalid = parseMaxQueue(form.maxQueue) === undefined;
    setFormProblem(invalid ? 'settings.maxQueueInvalid' : null);
    if (invalid) return;
    setBusy(true);
    const answer = await saveSettings(fromSettingsForm(form));
    setBusy(false);
    if (answer.ok) {
      setForm(toSettingsForm(answer.settings));
      setSaved(true);
    } else setProblem(answer.error);
  };

  return (
    <section class="panel admin-section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.settingsTitle')}</h2>
      {!form && !problem && <p role="status">{t('admin.loading')}</p>}
      {form && (
        <form class="stack" onSubmit={submit} noValidate>
          <SlotsEditor slots={form.slots} onChange={(slots) => change({ slots })} />
          <TextField
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            value={form.timeZone}
            onInput={(timeZone) => change({ timeZone })}
            class="field-narrow"
          />
          <ClosuresEditor closures={form.closures} onChange={(closures) => change({ closures })} />
          <TextField
            label={t('settings.maxConversations')}
            type="number"
            min={1}
            max={MAX_CONVERSATIONS_PER_COUNSELOR}
            value={form.maxConversations}
            onInput={(maxConversations) => change({ maxConversations })}
            class="field-narrow"
          />
          <AutoAssignmentSetting form={form} onChange={change} />
          <TextField
            label={t('settings.retentionDays')}
            hint={t('settings.retentionHint')}
            type="number"
            min={1}
            max={3650}
            value={form.retentionDays}
            onInput={(retentionDays) => change({ retentionDays })}
            class="field-narrow"
          />
          <AdmissionSettings form={form} onChange={change} />
          <PresenceSettings form={form} onChange={change} />
          <StatisticsSettings form={form} onChange={change} />
          <IntakeEditor form={form} onChange={change} />
          <VisitorPageSettings form={form} onChange={change} />
          <ClosingListsEditor form={form} onChange={change} />
          {formProblem && (
            <p class="error" role="alert">
              {t(formProblem)}
            </p>
          )}
          {problem && (
            <p class="error" role="alert">
              {errorText(t, problem)}
            </p>
          )}
          {saved && (
            <p class="success" role="status">
              {t('settings.saved')}
            </p>
          )}
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('settings.save')}
          </button>
        </form>
      )}
      {!form && problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
    </section>
  );
}
