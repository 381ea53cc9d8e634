// Creates a staff account with an initial password that the admin hands over in person.
import { useId, useState } from 'preact/hooks';
import type { Role } from '../../src/protocol/schemas.ts';
import type { StaffMemberView } from '../../src/protocol/views.ts';
import { createStaff } from './admin-api.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import { MIN_PASSWORD_LENGTH } from './session.ts';
import { TextField } from './text-field.tsx';

const roleOptions: readonly Role[] = ['counselor', 'supervisor', 'admin'];

export function StaffCreateForm({ onCreated }: { onCreated: (member: StaffMemberView) => void }) {
  const { t } = useLocale();
  const roleId = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('counselor');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiError | 'tooShort' | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setCreated(null);
    if (password.length < MIN_PASSWORD_LENGTH) return setProblem('tooShort');
    setBusy(true);
    setProblem(null);
    const answer = await createStaff({
      username: username.trim(),
      displayName: displayName.trim(),
      password,
      role,
    });
    setBusy(false);
    if (!answer.ok) return setProblem(answer.error);
    onCreated(answer.staff);
    setCreated(answer.staff.displayName);
    setUsername('');
    setDisplayName('');
    setPassword('');
    setRole('counselor');
  };

  return (
    <form class="create-staff" onSubmit={submit} aria-labelledby="create-staff-title" noValidate>
      <h3 id="create-staff-title">{t('staff.createTitle')}</h3>
      <div class="form-row">
        <TextField label={t('staff.username')} value={username} onInput={setUsername} autoComplete="off" required />
        <TextField label={t('staff.displayName')} value={displayName} onInput={setDisplayName} required />
        <div class="field">
          <label for={roleId}>{t('staff.role')}</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
            {roleOptions.map((option) => (
              <option key={option} value={option}>
                {t(`role.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('staff.password')}
          hint={t('staff.passwordHint')}
          type="password"
          value={password}
          onInput={setPassword}
          autoComplete="new-password"
          required
        />
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem === 'tooShort' ? t('staff.tooShort') : errorText(t, problem)}
        </p>
      )}
      {created && (
        <p class="success" role="status">
          {t('staff.created', { name: created })}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('staff.create')}
      </button>
    </form>
  );
}
