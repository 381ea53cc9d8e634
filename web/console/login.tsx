// The sign-in form: "Identifiant", "Mot de passe", "Se connecter".
import { useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { logIn, type StaffIdentity } from './session.ts';
import { TextField } from './text-field.tsx';

interface LoginFormProps {
  notice: MessageKey | null;
  onSignedIn: (me: StaffIdentity) => void;
}

export function LoginForm({ notice, onSignedIn }: LoginFormProps) {
  const { t } = useLocale();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await logIn(username.trim(), password);
    setBusy(false);
    if (answer.ok) onSignedIn(answer.me);
    else {
      setError(answer.error);
      setPassword('');
    }
  };

  return (
    <form class="stack" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {notice && <p class="notice">{t(notice)}</p>}
      <TextField label={t('login.username')} value={username} onInput={setUsername} autoComplete="username" required />
      <TextField
        label={t('login.password')}
        type="password"
        value={password}
        onInput={setPassword}
        autoComplete="current-password"
        required
      />
      {error && (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
