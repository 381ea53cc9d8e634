// When the console calls a counselor's attention, and when it stops: a visitor starts waiting while she is
// available, or a visitor writes in a conversation that is not on screen. Pure rules over snapshots of the
// desk plus a small timer loop, so that "repeat gently until seen" is tested with fake timers, not a browser.

/** What the console shows right now, as far as attention is concerned. */
export interface DeskSnapshot {
  /** She is available: only then does a waiting visitor concern her. */
  available: boolean;
  /** Conversation ids of the visitors waiting, in queue order. */
  waiting: readonly string[];
  /** Unread visitor messages per conversation of hers (a conversation on screen has none). */
  unread: ReadonlyMap<string, number>;
  /** The console tab is visible and the desk (waiting list and conversations) is on screen. */
  deskOnScreen: boolean;
  /** Her active conversations, and the one on screen. */
  active: readonly string[];
  selectedId: string | null;
  /**
   * How many full states the server has sent (one per connection): conversations listed by a new state are
   * hers already, not new assignments.
   */
  syncs: number;
  /** She is taking the next person herself: a conversation appearing now is her own take. */
  takingNext: boolean;
}

export type AlertKind = 'visitor-waiting' | 'new-message' | 'assigned';

/** What to do now: a chime (loud for something new, soft for a reminder) and, if not seen, a notification. */
export interface Alert {
  kind: AlertKind;
  /** How many things wait for her eyes: waiting visitors plus unread messages. */
  count: number;
  chime: 'new' | 'reminder';
  /** A desktop notification is only worth it when she cannot see the desk. */
  notify: boolean;
}

export interface AlertTracker {
  /** Takes the latest snapshot; returns what to do at once, if anything. */
  update(snapshot: DeskSnapshot): Alert | null;
  /** What a reminder would say now, or null when everything has been seen. */
  reminder(): Alert | null;
}

/** Things that wait for her eyes: the badge in the title. */
export function attentionCount(snapshot: DeskSnapshot): number {
  let unread = 0;
  for (const count of snapshot.unread.values()) unread += count;
  return (snapshot.available ? snapshot.waiting.length : 0) + unread;
}

/** "(3) Havre — Console": the count first so that it shows in a narrow browser tab. */
export function titleWithCount(title: string, count: number): string {
  return count > 0 ? `(${count}) ${title}` : title;
}

/**
 * Remembers what she has seen. A waiting visitor is seen once the desk has been on screen while she waited;
 * a message is seen when its conversation is on screen (the console then counts it read); a conversation given
 * to her automatically is seen once she has had it on screen.
 */
export function createAlertTracker(): AlertTracker {
  const seenWaiting = new Set<string>();
  let unseenWaiting: string[] = [];
  let unread = new Map<string, number>();
  let snapshotCount = 0;
  const knownActive = new Set<string>();
  const unseenAssigned = new Set<string>();
  let syncs = -1;

  const kindOf = (messages: number, assigned: number): AlertKind =>
    messages > 0 ? 'new-message' : assigned > 0 ? 'assigned' : 'visitor-waiting';

  /** A conversation given to her (automatically) that she has not opened yet. */
  const trackAssigned = (snapshot: DeskSnapshot): number => {
    const onScreen = (id: string) => snapshot.deskOnScreen && snapshot.selectedId === id;
    const active = new Set(snapshot.active);
    for (const id of unseenAssigned) if (!active.has(id) || onScreen(id)) unseenAssigned.delete(id);
    let fresh = 0;
    for (const id of snapshot.active) {
      if (knownActive.has(id)) continue;
      knownActive.add(id);
      // Her own take puts it on screen at once; a state sync lists what was already hers.
      if (snapshot.syncs !== syncs || snapshot.takingNext || onScreen(id)) continue;
      unseenAssigned.add(id);
      fresh += 1;
    }
    syncs = snapshot.syncs;
    return fresh;
  };

  const reminder = (): Alert | null => {
    if (unseenWaiting.length === 0 && unread.size === 0 && unseenAssigned.size === 0) return null;
    return {
      kind: kindOf(unread.size, unseenAssigned.size),
      count: snapshotCount,
      chime: 'reminder',
      notify: true,
    };
  };

  return {
    reminder,
    update(snapshot) {
      const fresh = { waiting: 0, messages: 0, assigned: trackAssigned(snapshot) };
      const waiting = snapshot.available ? snapshot.waiting : [];
      const stillWaiting = new Set(waiting);
      for (const id of seenWaiting) if (!stillWaiting.has(id)) seenWaiting.delete(id);
      const unseen: string[] = [];
      for (const id of waiting) {
        if (seenWaiting.has(id)) continue;
        if (!unseenWaiting.includes(id)) fresh.waiting += 1;
        if (snapshot.deskOnScreen) seenWaiting.add(id);
        else unseen.push(id);
      }
      for (const [id, count] of snapshot.unread) fresh.messages += Math.max(0, count - (unread.get(id) ?? 0));
      unseenWaiting = unseen;
      unread = new Map([...snapshot.unread].filter(([, count]) => count > 0));
      snapshotCount = attentionCount(snapshot);

      if (fresh.waiting + fresh.messages + fresh.assigned === 0) return null;
      return {
        kind: kindOf(fresh.messages, fresh.assigned),
        count: snapshotCount,
        chime: 'new',
        notify: reminder() !== null,
      };
    },
  };
}

export interface AlertLoopOptions {
  onAlert: (alert: Alert) => void;
  /** How often an unseen alert is repeated, softer. */
  repeatMs?: number;
}

export interface AlertLoop {
  update(snapshot: DeskSnapshot): void;
  /** Something is still unseen: reminders are due. */
  unseen(): boolean;
  stop(): void;
}

export const REMINDER_INTERVAL_MS = 30_000;

/**
 * Runs the tracker: alerts at once for something new, then every `repeatMs` while something stays unseen,
 * and stops as soon as everything has been seen. A new event restarts the interval rather than stacking one.
 */
export function createAlertLoop({ onAlert, repeatMs = REMINDER_INTERVAL_MS }: AlertLoopOptions): AlertLoop {
  const tracker = createAlertTracker();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    clear();
    if (tracker.reminder() === null) return;
    timer = setTimeout(() => {
      timer = null;
      const reminder = tracker.reminder();
      if (reminder === null) return;
      onAlert(reminder);
      schedule();
    }, repeatMs);
  };

  return {
    update(snapshot) {
      const alert = tracker.update(snapshot);
      if (alert) {
        onAlert(alert);
        schedule();
      } else if (tracker.reminder() === null) {
        clear();
      } else if (timer === null) {
        schedule();
      }
    },
    unseen: () => tracker.reminder() !== null,
    stop: clear,
  };
}
