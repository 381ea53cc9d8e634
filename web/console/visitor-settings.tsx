// The settings that shape what visitors meet: whether new conversations are accepted, how many may wait, and
// the visitor page's neutral title, quick exit and embedding sites. The optional questions have their own
// editor (intake-editor.tsx).
import { useId } from 'preact/hooks';
import { CheckboxField, TextAreaField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import type { SettingsForm } from './settings-form.ts';
import { TextField } from './text-field.tsx';

interface VisitorSettingsProps {
  form: SettingsForm;
  onChange: (change: Partial<SettingsForm>) => void;
}

export function AdmissionSettings({ form, onChange }: VisitorSettingsProps) {
  const { t } = useLocale();
  return (
    <fieldset class="rows">
      <legend>{t('settings.admission')}</legend>
      <CheckboxField
        label={t('settings.paused')}
        hint={t('settings.pausedHint')}
        checked={form.paused}
        onChange={(paused) => onChange({ paused })}
      />
      <TextField
        label={t('settings.maxQueue')}
        hint={t('settings.maxQueueHint')}
        inputMode="numeric"
        value={form.maxQueue}
        onInput={(maxQueue) => onChange({ maxQueue })}
        class="field-narrow"
      />
      <TextField
        label={t('settings.servePastClosing')}
        hint={t('settings.servePastClosingHint')}
        inputMode="numeric"
        value={form.servePastClosing}
        onInput={(servePastClosing) => onChange({ servePastClosing })}
        class="field-narrow"
      />
    </fieldset>
  );
}

type SettingsFieldKey = 'counselorFlag' | 'handBack' | 'visitorGone' | 'smallCountThreshold' | 'counselorHourCost';

/** A fieldset of short number fields, each labelled and explained by its own `settings.<key>` texts. */
function NumberFields(
  props: VisitorSettingsProps & {
    legend: MessageKey;
    keys: readonly SettingsFieldKey[];
    inputMode: 'numeric' | 'decimal';
  },
) {
  const { t } = useLocale();
  return (
    <fieldset class="rows">
      <legend>{t(props.legend)}</legend>
      {props.keys.map((key) => (
        <TextField
          key={key}
          label={t(`settings.${key}`)}
          hint={t(`settings.${key}Hint`)}
          inputMode={props.inputMode}
          value={props.form[key]}
          onInput={(value) => props.onChange({ [key]: value })}
          class="field-narrow"
        />
      ))}
    </fieldset>
  );
}

/** How long each side's absence is borne before the board flags it, the conversation moves on, or ends. */
export function PresenceSettings(props: VisitorSettingsProps) {
  return (
    <NumberFields
      {...props}
      legend="settings.presence"
      keys={['counselorFlag', 'handBack', 'visitorGone']}
      inputMode="numeric"
    />
  );
}

/** The small-count threshold of exports and reports, and the planner's cost of a counselor-hour. */
export function StatisticsSettings(props: VisitorSettingsProps) {
  return (
    <NumberFields
      {...props}
      legend="settings.statistics"
      keys={['smallCountThreshold', 'counselorHourCost']}
      inputMode="decimal"
    />
  );
}

const pageIcons = ['bubble', 'weather', 'notes', 'leaf'] as const;

export function VisitorPageSettings({ form, onChange }: VisitorSettingsProps) {
  const { t } = useLocale();
  const iconId = useId();
  return (
    <fieldset class="rows">
      <legend>{t('settings.visitorPage')}</legend>
      <TextField
        label={t('settings.pageTitle')}
        hint={t('settings.pageTitleHint')}
        value={form.pageTitle}
        onInput={(pageTitle) => onChange({ pageTitle })}
        class="field-wide"
      />
      <TextField
        label={t('settings.pageBrand')}
        hint={t('settings.pageBrandHint')}
        value={form.pageBrand}
        onInput={(pageBrand) => onChange({ pageBrand })}
        class="field-wide"
      />
      <div class="field">
        <label for={iconId}>{t('settings.pageIcon')}</label>
        <select
          id={iconId}
          value={form.pageIcon}
          onChange={(event) => onChange({ pageIcon: event.currentTarget.value as SettingsForm['pageIcon'] })}
        >
          {pageIcons.map((icon) => (
            <option key={icon} value={icon}>
              {t(`settings.icon.${icon}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('settings.quickExitUrl')}
        hint={t('settings.quickExitUrlHint')}
        inputMode="url"
        value={form.quickExitUrl}
        onInput={(quickExitUrl) => onChange({ quickExitUrl })}
        class="field-wide"
      />
      <TextAreaField
        label={t('settings.embedOrigins')}
        hint={t('settings.embedOriginsHint')}
        value={form.embedOrigins}
        onInput={(embedOrigins) => onChange({ embedOrigins })}
      />
    </fieldset>
  );
}
