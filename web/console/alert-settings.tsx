// The alerts panel, a modal dialog opened from the top bar: sound and desktop notifications, each off until
// she turns it on. Turning notifications on asks the browser's permission, from her click.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AlertPreferences } from './alert-preferences.ts';
import { playChime, unlockChime } from './chime.ts';
import { useLocale } from './locale-context.ts';

interface AlertSettingsProps {
  preferences: AlertPreferences;
  onChange: (preferences: AlertPreferences) => void;
  onClose: () => void;
}

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export function AlertSettings({ preferences, onChange, onClose }: AlertSettingsProps) {
  const { t } = useLocale();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [permission, setPermission] = useState(currentPermission);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const toggleSound = (on: boolean) => {
    // She hears what she chose.
    if (on) void unlockChime().then(() => playChime('new'));
    onChange({ ...preferences, sound: on });
  };

  const toggleDesktop = async (on: boolean) => {
    if (!on || permission === 'unsupported') {
      onChange({ ...preferences, desktop: false });
      return;
    }
    const granted = permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setPermission(granted);
    onChange({ ...preferences, desktop: granted === 'granted' });
  };

  return (
    <dialog ref={dialog} class="alert-settings" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('alerts.title')}</h2>
      <p class="hint">{t('alerts.intro')}</p>
      <label class="alert-choice">
        <input
          type="checkbox"
          checked={preferences.sound}
          aria-describedby={`${titleId}-sound`}
          onChange={(event) => toggleSound(event.currentTarget.checked)}
        />
        <span>
          {t('alerts.sound')}
          <span class="hint" id={`${titleId}-sound`}>
            {t('alerts.soundHint')}
          </span>
        </span>
      </label>
      <label class="alert-choice">
        <input
          type="checkbox"
          checked={preferences.desktop}
          disabled={permission === 'unsupported'}
          aria-describedby={`${titleId}-desktop`}
          onChange={(event) => void toggleDesktop(event.currentTarget.checked)}
        />
        <span>
          {t('alerts.desktop')}
          <span class="hint" id={`${titleId}-desktop`}>
            {t('alerts.desktopHint')}
          </span>
        </span>
      </label>
      {permission === 'denied' && (
        <p class="notice" role="alert">
          {t('alerts.denied')}
        </p>
      )}
      {permission === 'unsupported' && <p class="notice">{t('alerts.unsupported')}</p>}
      <button type="button" class="button button-quiet button-small" onClick={() => dialog.current?.close()}>
        {t('alerts.close')}
      </button>
    </dialog>
  );
}
