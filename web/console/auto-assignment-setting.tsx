// The admin switch for automatic assignment. It lives in the settings form's `base` (sent back as loaded unless
// changed here), so the form's own fields need not know about it.
import { CheckboxField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';
import type { SettingsForm } from './settings-form.ts';

interface AutoAssignmentSettingProps {
  form: SettingsForm;
  onChange: (change: Partial<SettingsForm>) => void;
}

export function AutoAssignmentSetting({ form, onChange }: AutoAssignmentSettingProps) {
  const { t } = useLocale();
  return (
    <CheckboxField
      label={t('settings.autoAssignment')}
      hint={t('settings.autoAssignmentHint')}
      checked={form.base.autoAssignment}
      onChange={(autoAssignment) => onChange({ base: { ...form.base, autoAssignment } })}
    />
  );
}
