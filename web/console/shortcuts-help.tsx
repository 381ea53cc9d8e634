// The keyboard shortcuts, listed in a modal dialog opened from the top bar. The native <dialog> traps the
// focus and closes on Escape; the focus then goes back to the button that opened it.
import { useEffect, useId, useRef } from 'preact/hooks';
import { shortcutLetters } from './keyboard-shortcuts.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';

interface ShortcutsHelpProps {
  onClose: () => void;
}

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 && ' + '}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

export function ShortcutsHelp({ onClose }: ShortcutsHelpProps) {
  const { t } = useLocale();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const modifiers = [t('shortcuts.alt'), t('shortcuts.shift')];
  const rows: { keys: string[]; action: MessageKey }[] = [
    ...shortcutLetters.map(({ letter, action }) => ({
      keys: [...modifiers, letter],
      action: `shortcuts.${action}` as const,
    })),
    { keys: [t('shortcuts.enter')], action: 'shortcuts.send' },
    { keys: [t('shortcuts.shift'), t('shortcuts.enter')], action: 'shortcuts.newLine' },
    { keys: [t('shortcuts.arrowKeys')], action: 'shortcuts.arrows' },
  ];

  return (
    <dialog ref={dialog} class="shortcuts-help" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('shortcuts.title')}</h2>
      <p class="hint">{t('shortcuts.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ keys, action }) => (
            <tr key={action}>
              <td>
                <Keys keys={keys} />
              </td>
              <td>{t(action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button button-quiet button-small" onClick={() => dialog.current?.close()}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
