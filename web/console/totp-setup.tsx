// Turning on two-factor authentication: scan the QR code (or type the key), then confirm with a first code.
// Used from "Sécurité du compte" and right after the password when admins require it.
import { useState } from 'preact/hooks';
import type { Ack } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import { QrCode } from './qr-code.tsx';
import type { TotpSetup } from './session.ts';
import { TextField } from './text-field.tsx';

/** The key in groups of four, easier to copy by hand into an app. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

interface TotpSetupFormProps {
  setup: TotpSetup;
  onConfirm: (code: string) => Promise<Ack<unknown>>;
}

export function TotpSetupForm({ setup, onConfirm }: TotpSetupFormProps) {
  const { t } = useLocale();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const answer = await onConfirm(code.replace(/\s/g, ''));
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer.error);
      setCode('');
    }
  };

  return (
    <form class="stack totp-setup" onSubmit={submit} aria-labelledby="totp-setup-title">
      <h2 id="totp-setup-title">{t('totp.setupTitle')}</h2>
      <ol class="totp-steps">
        <li>{t('totp.stepApp')}</li>
        <li>
          {t('totp.stepScan')}
          <QrCode text={setup.uri} label={t('totp.qrLabel')} />
          <p>
            {t('totp.manual')} <code class="totp-secret">{groupedSecret(setup.secret)}</code>
          </p>
        </li>
        <li>
          <TextField
            label={t('totp.code')}
            hint={t('totp.codeHint')}
            value={code}
            onInput={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            required
          />
        </li>
      </ol>
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('totp.confirm')}
      </button>
    </form>
  );
}

/** The ten recovery codes, shown once: she notes them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useLocale();
  return (
    <section class="stack recovery-codes" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('totp.recoveryTitle')}</h2>
      <p>{t('totp.recoveryIntro')}</p>
      <ul class="recovery-list" aria-label={t('totp.recoveryTitle')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" class="button button-primary" onClick={onDone}>
        {t('totp.recoveryDone')}
      </button>
    </section>
  );
}
