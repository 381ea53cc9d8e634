// "Sécurité du compte", for every staff member: change her password, turn two-factor authentication on
// (QR code, first code, recovery codes shown once) or off (with a current code).
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../ui/i18n.ts';
import {
  changePassword,
  confirmTotp,
  disableTotp,
  fetchSecurity,
  type SecurityStatus,
  startTotp,
} from './account-api.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import { MIN_PASSWORD_LENGTH, type TotpSetup } from './session.ts';
import { TextField } from './text-field.tsx';
import { RecoveryCodes, TotpSetupForm } from './totp-setup.tsx';

export function AccountPage() {
  const { t } = useLocale();
  return (
    <main class="admin account" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <p>
        <a href="#conversations">{t('account.back')}</a>
      </p>
      <TwoFactorSection />
      <PasswordSection />
    </main>
  );
}

function PasswordSection() {
  const { t } = useLocale();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<ApiError | 'tooShort' | 'mismatch' | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(false);
    if (next.length < MIN_PASSWORD_LENGTH) return setProblem('tooShort');
    if (next !== confirm) return setProblem('mismatch');
    setBusy(true);
    setProblem(null);
    const answer = await changePassword(current, next);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.error);
    setDone(true);
    setCurrent('');
    setNext('');
    setConfirm('');
  };

  return (
    <form class="panel admin-section" onSubmit={submit} aria-labelledby="password-title" noValidate>
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <p class="hint">{t('account.passwordIntro')}</p>
      <div class="form-row">
        <TextField
          label={t('account.currentPassword')}
          type="password"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          required
        />
        <TextField
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint')}
          type="password"
          value={next}
          onInput={setNext}
          autoComplete="new-password"
          required
        />
        <TextField
          label={t('account.confirmPassword')}
          type="password"
          value={confirm}
          onInput={setConfirm}
          autoComplete="new-password"
          required
        />
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem === 'tooShort'
            ? t('setup.tooShort')
            : problem === 'mismatch'
              ? t('setup.mismatch')
              : errorText(t, problem)}
        </p>
      )}
      {done && (
        <p class="success" role="status">
          {t('account.passwordChanged')}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('account.changePassword')}
      </button>
    </form>
  );
}

type TwoFactorState =
  | { name: 'loading' }
  | { name: 'status'; status: SecurityStatus }
  | { name: 'setup'; setup: TotpSetup }
  | { name: 'codes'; codes: string[] };

function TwoFactorSection() {
  const { t, locale } = useLocale();
  const [state, setState] = useState<TwoFactorState>({ name: 'loading' });
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [disableCode, setDisableCode] = useState('');

  const reload = async () => {
    const answer = await fetchSecurity();
    if (answer.ok) setState({ name: 'status', status: answer.security });
    else setProblem(answer.error);
  };
  useEffect(() => {
    void reload();
  }, []);

  const start = async () => {
    setProblem(null);
    const answer = await startTotp();
    if (answer.ok) setState({ name: 'setup', setup: answer });
    else setProblem(answer.error);
  };

  const disable = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const answer = await disableTotp(disableCode.replace(/\s/g, ''));
    setDisableCode('');
    if (answer.ok) await reload();
    else setProblem(answer.error);
  };

  return (
    <section class="panel admin-section" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('totp.title')}</h2>
      <p class="hint">{t('totp.intro')}</p>
      {state.name === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.name === 'setup' && (
        <TotpSetupForm
          setup={state.setup}
          onConfirm={async (code) => {
            const answer = await confirmTotp(code);
            if (answer.ok) setState({ name: 'codes', codes: answer.recoveryCodes });
            return answer;
          }}
        />
      )}
      {state.name === 'codes' && <RecoveryCodes codes={state.codes} onDone={() => void reload()} />}
      {state.name === 'status' && !state.status.totpEnabled && (
        <>
          <p class="totp-state">
            <strong>{t('totp.off')}</strong> {state.status.totpRequired && t('totp.requiredNote')}
          </p>
          <button type="button" class="button button-primary" onClick={start}>
            {t('totp.enable')}
          </button>
        </>
      )}
      {state.name === 'status' && state.status.totpEnabled && (
        <>
          <p class="totp-state">
            <strong>{t('totp.on')}</strong> {plural(t, locale, 'totp.codesLeft', state.status.recoveryCodesLeft)}
          </p>
          {!state.status.totpRequired && (
            <form class="row" onSubmit={disable} aria-label={t('totp.disable')}>
              <TextField
                label={t('totp.disableCode')}
                value={disableCode}
                onInput={setDisableCode}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
              />
              <button type="submit" class="button button-quiet">
                {t('totp.disable')}
              </button>
            </form>
          )}
        </>
      )}
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
    </section>
  );
}
