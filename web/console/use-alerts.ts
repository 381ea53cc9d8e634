// Connects the console's state to the alert rules: the title badge, the chime and the desktop notification,
// as the counselor chose them. A notification never quotes a message: it may show on a shared screen.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { plural } from '../ui/i18n.ts';
import { type AlertPreferences, loadAlertPreferences, saveAlertPreferences } from './alert-preferences.ts';
import { type Alert, attentionCount, createAlertLoop, type DeskSnapshot, titleWithCount } from './alert-rules.ts';
import { playChime, unlockChime } from './chime.ts';
import type { ConsoleState } from './console-state.ts';
import { useLocale } from './locale-context.ts';
import { takingNext } from './own-takes.ts';

export function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export function deskSnapshot(state: ConsoleState, deskOnScreen: boolean): DeskSnapshot {
  return {
    available: state.me?.status === 'available',
    waiting: state.queue.entries.map((entry) => entry.conversationId),
    unread: new Map(state.tabs.map((tab) => [tab.view.id, tab.unread])),
    deskOnScreen,
    active: state.tabs.filter((tab) => tab.view.status === 'active').map((tab) => tab.view.id),
    selectedId: state.selectedId,
    syncs: state.staffStates,
    takingNext: takingNext(),
  };
}

export function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

/**
 * One notification at a time, replaced by the next (same tag), silent because the chime is ours. Some browsers
 * (Chrome on Android) only show notifications through a service worker and refuse the constructor: the chime
 * and the title still say it there.
 */
function showNotification(title: string, body: string): Notification | null {
  let notification: Notification;
  try {
    notification = new Notification(title, { body, tag: 'havre-alert', silent: true });
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
  return notification;
}

export function useAlerts(state: ConsoleState, deskOnScreen: boolean, preferences: AlertPreferences): void {
  const { t, locale } = useLocale();
  const snapshot = useMemo(() => deskSnapshot(state, deskOnScreen), [state, deskOnScreen]);
  const shown = useRef<Notification | null>(null);
  const latest = useRef({ preferences, t, locale });
  latest.current = { preferences, t, locale };

  // After a reload, the browser lets sound play only once she has touched the page.
  useEffect(() => {
    if (!preferences.sound) return;
    const unlock = () => void unlockChime();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, [preferences.sound]);

  const count = attentionCount(snapshot);
  useEffect(() => {
    document.title = titleWithCount(t('app.title'), count);
  }, [count, t]);

  const loop = useMemo(() => {
    const onAlert = (alert: Alert) => {
      const { preferences: chosen, t: text, locale: language } = latest.current;
      if (chosen.sound) playChime(alert.chime);
      if (!(chosen.desktop && alert.notify && notificationsAllowed())) return;
      const title = text(
        alert.kind === 'new-message'
          ? 'alerts.newMessage'
          : alert.kind === 'assigned'
            ? 'alerts.assigned'
            : 'alerts.visitorWaiting',
      );
      const body =
        alert.kind === 'assigned' ? text('alerts.assignedBody') : plural(text, language, 'alerts.body', alert.count);
      shown.current = showNotification(title, body) ?? shown.current;
    };
    return createAlertLoop({ onAlert });
  }, []);
  // Signed out: no reminder, no notification and no count left behind.
  useEffect(
    () => () => {
      loop.stop();
      shown.current?.close();
      document.title = latest.current.t('app.title');
    },
    [loop],
  );

  useEffect(() => {
    loop.update(snapshot);
    // Everything seen: the notification has said what it had to say.
    if (!loop.unseen()) {
      shown.current?.close();
      shown.current = null;
    }
  }, [loop, snapshot]);
}

/** Her alert preferences, read once per sign-in and saved on every change. */
export function useAlertPreferences(staffId: string): [AlertPreferences, (next: AlertPreferences) => void] {
  const [preferences, setPreferences] = useState(() => loadAlertPreferences(staffId));
  const change = (next: AlertPreferences) => {
    saveAlertPreferences(staffId, next);
    setPreferences(next);
  };
  return [preferences, change];
}
