// Creates the first administrator with the one-time set-up token from the server's start-up link.
import { useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { createFirstAdmin, MIN_PASSWORD_LENGTH, type StaffIdentity } from './session.ts';
import { TextField } from './text-field.tsx';

interface SetupFormProps {
  token: string;
  onCreated: (me: StaffIdentity) => void;
}

export function SetupForm({ token, onCreated }: SetupFormProps) {
  const { t } = useLocale();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<MessageKey | ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setProblem('setup.tooShort');
    if (password !== confirm) return setProblem('setup.mismatch');
    setBusy(true);
    setProblem(null);
    const answer = await createFirstAdmin({
      token,
      username: username.trim(),
      displayName: displayName.trim(),
      password,
    });
    setBusy(false);
    if (answer.ok) onCreated(answer.me);
    else setProblem(answer.error);
  };

  return (
    <form class="stack" onSubmit={submit} aria-labelledby="setup-title" noValidate>
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <TextField
        label={t('setup.username')}
        hint={t('setup.usernameHint')}
        value={username}
        onInput={setUsername}
        autoComplete="username"
        required
      />
      <TextField
        label={t('setup.displayName')}
        value={displayName}
        onInput={setDisplayName}
        autoComplete="name"
        required
      />
      <TextField
        label={t('setup.password')}
        hint={t('setup.passwordHint')}
        type="password"
        value={password}
        onInput={setPassword}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('setup.confirm')}
        hint={t('setup.confirmHint')}
        type="password"
        value={confirm}
        onInput={setConfirm}
        autoComplete="new-password"
        required
      />
      {problem && (
        <p class="error" role="alert">
          {typeof problem === 'string' ? t(problem) : errorText(t, problem)}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
