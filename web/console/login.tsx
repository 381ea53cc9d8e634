// Signing in: "Identifiant" and "Mot de passe", then, when two-factor authentication is on, a code from her
// app or a recovery code; or, when admins require it and she has none yet, enrolment before the workspace.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { throttleText } from './security-text.ts';
import {
  confirmLoginEnrolment,
  logIn,
  logInWithCode,
  type StaffIdentity,
  startLoginEnrolment,
  type TotpSetup,
} from './session.ts';
import { TextField } from './text-field.tsx';
import { RecoveryCodes, TotpSetupForm } from './totp-setup.tsx';

interface LoginFormProps {
  notice: MessageKey | null;
  onSignedIn: (me: StaffIdentity) => void;
}

type Step =
  | { name: 'password' }
  | { name: 'code'; loginToken: string }
  | { name: 'enrol'; loginToken: string; setup: TotpSetup | null }
  | { name: 'recovery'; me: StaffIdentity; codes: string[] };

function ProblemText({ problem }: { problem: ApiError | null }) {
  const { t, locale } = useLocale();
  if (!problem) return null;
  return (
    <p class="error" role="alert">
      {problem.code === 'LOGIN_THROTTLED'
        ? throttleText(t, locale, problem.retryAfterSeconds ?? 60)
        : errorText(t, problem)}
    </p>
  );
}

export function LoginForm({ notice, onSignedIn }: LoginFormProps) {
  const { t } = useLocale();
  const [step, setStep] = useState<Step>({ name: 'password' });
  const [problem, setProblem] = useState<ApiError | null>(null);

  /** A step token that expired sends her back to the password, with the reason. */
  const fail = (error: ApiError) => {
    if (error.code === 'LOGIN_STEP_EXPIRED') setStep({ name: 'password' });
    setProblem(error);
  };

  const enrolment = step.name === 'enrol' && step.setup === null ? step.loginToken : null;
  useEffect(() => {
    if (!enrolment) return;
    void startLoginEnrolment(enrolment).then((answer) =>
      answer.ok ? setStep({ name: 'enrol', loginToken: enrolment, setup: answer }) : fail(answer.error),
    );
  }, [enrolment]);

  if (step.name === 'recovery') {
    return <RecoveryCodes codes={step.codes} onDone={() => onSignedIn(step.me)} />;
  }
  if (step.name === 'enrol') {
    return (
      <div class="stack">
        <h1>{t('login.enrolTitle')}</h1>
        <p class="notice">{t('login.enrolRequired')}</p>
        {step.setup ? (
          <TotpSetupForm
            setup={step.setup}
            onConfirm={async (code) => {
              const answer = await confirmLoginEnrolment(step.loginToken, code);
              if (answer.ok) setStep({ name: 'recovery', me: answer.me, codes: answer.recoveryCodes });
              else if (answer.error.code === 'LOGIN_STEP_EXPIRED') fail(answer.error);
              return answer;
            }}
          />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </div>
    );
  }
  if (step.name === 'code') {
    return (
      <CodeForm
        problem={problem}
        onSubmit={async (code) => {
          setProblem(null);
          const answer = await logInWithCode(step.loginToken, code);
          if (answer.ok) onSignedIn(answer.me);
          else fail(answer.error);
        }}
        onCancel={() => {
          setProblem(null);
          setStep({ name: 'password' });
        }}
      />
    );
  }
  return (
    <PasswordForm
      notice={notice}
      problem={problem}
      onSubmit={async (username, password) => {
        setProblem(null);
        const answer = await logIn(username, password);
        if (!answer.ok) return fail(answer.error);
        if (answer.step === 'done') onSignedIn(answer.me);
        else if (answer.step === 'totp') setStep({ name: 'code', loginToken: answer.loginToken });
        else setStep({ name: 'enrol', loginToken: answer.loginToken, setup: null });
      }}
    />
  );
}

interface PasswordFormProps {
  notice: MessageKey | null;
  problem: ApiError | null;
  onSubmit: (username: string, password: string) => Promise<void>;
}

function PasswordForm({ notice, problem, onSubmit }: PasswordFormProps) {
  const { t } = useLocale();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    await onSubmit(username.trim(), password);
    setBusy(false);
    setPassword('');
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
      <ProblemText problem={problem} />
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}

interface CodeFormProps {
  problem: ApiError | null;
  onSubmit: (code: string) => Promise<void>;
  onCancel: () => void;
}

function CodeForm({ problem, onSubmit, onCancel }: CodeFormProps) {
  const { t } = useLocale();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    await onSubmit(code.trim());
    setBusy(false);
    setCode('');
  };

  return (
    <form class="stack" onSubmit={submit} aria-labelledby="code-title">
      <h1 id="code-title">{t('login.codeTitle')}</h1>
      <p>{t('login.codeIntro')}</p>
      <TextField
        label={t('login.code')}
        hint={t('login.codeHint')}
        value={code}
        onInput={setCode}
        autoComplete="one-time-code"
        required
      />
      <ProblemText problem={problem} />
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('login.verify')}
      </button>
      <button type="button" class="button button-quiet" onClick={onCancel}>
        {t('login.back')}
      </button>
    </form>
  );
}
