// Small hooks shared by the console's screens.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type ShortcutAction, shortcutFor } from './keyboard-shortcuts.ts';
import { onServerClockChange, serverNow } from './server-clock.ts';

/** The current time on the server's clock, refreshed every `intervalMs` so that "waiting for X min" moves on its own. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    const stop = onServerClockChange(() => setNow(serverNow()));
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [intervalMs]);
  return now;
}

export type Section = 'conversations' | 'admin' | 'account' | 'supervision' | 'statistics';

/** The workspace section from the URL fragment (`#admin`), so that a reload stays where she was. */
export function useSection(): Section {
  const read = (): Section =>
    location.hash === '#admin'
      ? 'admin'
      : location.hash === '#account'
        ? 'account'
        : location.hash === '#supervision'
          ? 'supervision'
          : location.hash === '#statistics'
            ? 'statistics'
            : 'conversations';
  const [section, setSection] = useState(read);
  useEffect(() => {
    const onHashChange = () => setSection(read());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  return section;
}

/**
 * Runs `onShortcut` when she presses the desk shortcut for `action` anywhere on the page, while `enabled`
 * (the desk is on screen). An open dialog holds the keyboard: keys pressed in it are left alone. Held keys do
 * not repeat the action. The listener is attached as the view is drawn (a layout effect, not a later one), so
 * that a shortcut pressed right after switching conversations reaches the conversation now on screen.
 */
export function useShortcut(action: ShortcutAction, onShortcut: () => void, enabled: boolean): void {
  const latest = useRef(onShortcut);
  latest.current = onShortcut;
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || shortcutFor(event) !== action) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      event.preventDefault();
      if (!event.repeat) latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [action, enabled]);
}
