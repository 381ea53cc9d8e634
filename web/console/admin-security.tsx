// The admins' security switch: require two-factor authentication of every staff member.
import { useEffect, useState } from 'preact/hooks';
import { fetchSecurityPolicy, saveSecurityPolicy } from './account-api.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { CheckboxField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';

export function AdminSecurity() {
  const { t } = useLocale();
  const [required, setRequired] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void fetchSecurityPolicy().then((answer) =>
      answer.ok ? setRequired(answer.policy.requireTotp) : setProblem(answer.error),
    );
  }, []);

  const change = async (next: boolean) => {
    setSaved(false);
    setProblem(null);
    const answer = await saveSecurityPolicy(next);
    if (!answer.ok) return setProblem(answer.error);
    setRequired(answer.policy.requireTotp);
    setSaved(true);
  };

  return (
    <section class="panel admin-section" aria-labelledby="admin-security-title">
      <h2 id="admin-security-title">{t('adminSecurity.title')}</h2>
      {required !== null && (
        <CheckboxField
          label={t('adminSecurity.require')}
          hint={t('adminSecurity.requireHint')}
          checked={required}
          onChange={(next) => void change(next)}
        />
      )}
      {saved && (
        <p class="success" role="status">
          {t('adminSecurity.saved')}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
    </section>
  );
}
