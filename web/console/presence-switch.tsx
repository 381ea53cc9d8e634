// Available or paused: a switch named "Disponible", with the state written out beside it.
import { useState } from 'preact/hooks';
import type { PresenceStatus } from '../../src/protocol/views.ts';
import { useLocale } from './locale-context.ts';

interface PresenceSwitchProps {
  status: PresenceStatus | null;
  disabled: boolean;
  onChange: (status: PresenceStatus) => Promise<void>;
}

export function PresenceSwitch({ status, disabled, onChange }: PresenceSwitchProps) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const available = status === 'available';

  const toggle = async () => {
    setBusy(true);
    await onChange(available ? 'paused' : 'available');
    setBusy(false);
  };

  return (
    <div class={available ? 'presence is-available' : 'presence'}>
      <span class="presence-state" role="status">
        {status === null ? '' : t(available ? 'header.available' : 'header.paused')}
      </span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={available}
        aria-label={t('header.presence')}
        disabled={disabled || busy || status === null}
        onClick={toggle}
      >
        <span class="switch-thumb" aria-hidden="true" />
      </button>
    </div>
  );
}
