import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Alert,
  attentionCount,
  createAlertLoop,
  createAlertTracker,
  type DeskSnapshot,
  titleWithCount,
} from './alert-rules.ts';

function aDesk(change: Partial<DeskSnapshot> = {}): DeskSnapshot {
  return {
    available: true,
    waiting: [],
    unread: new Map(),
    deskOnScreen: false,
    active: [],
    selectedId: null,
    syncs: 1,
    takingNext: false,
    ...change,
  };
}

describe('alert tracker', () => {
  it('alerts for a visitor who starts waiting while she is available and away from the desk', () => {
    const tracker = createAlertTracker();
    expect(tracker.update(aDesk())).toBeNull();
    expect(tracker.update(aDesk({ waiting: ['a'] }))).toEqual({
      kind: 'visitor-waiting',
      count: 1,
      chime: 'new',
      notify: true,
    });
    // The same visitor still waiting is not new: only a reminder.
    expect(tracker.update(aDesk({ waiting: ['a'] }))).toBeNull();
    expect(tracker.reminder()).toMatchObject({ chime: 'reminder', notify: true });
  });

  it('says nothing about the queue while she is paused', () => {
    const tracker = createAlertTracker();
    expect(tracker.update(aDesk({ available: false, waiting: ['a', 'b'] }))).toBeNull();
    expect(tracker.reminder()).toBeNull();
  });

  it('only chimes, without a notification, for a visitor arriving while the desk is on screen', () => {
    const tracker = createAlertTracker();
    expect(tracker.update(aDesk({ waiting: ['a'], deskOnScreen: true }))).toEqual({
      kind: 'visitor-waiting',
      count: 1,
      chime: 'new',
      notify: false,
    });
    expect(tracker.reminder()).toBeNull();
    // Seen once is seen: leaving the desk does not bring her back as new.
    expect(tracker.update(aDesk({ waiting: ['a'] }))).toBeNull();
    expect(tracker.reminder()).toBeNull();
  });

  it('alerts for each new visitor message in a conversation not on screen, until it is read', () => {
    const tracker = createAlertTracker();
    expect(tracker.update(aDesk({ unread: new Map([['c', 1]]), deskOnScreen: true }))).toEqual({
      kind: 'new-message',
      count: 1,
      chime: 'new',
      notify: true,
    });
    expect(tracker.update(aDesk({ unread: new Map([['c', 1]]), deskOnScreen: true }))).toBeNull();
    expect(tracker.update(aDesk({ unread: new Map([['c', 2]]), deskOnScreen: true }))).toMatchObject({ count: 2 });
    expect(tracker.update(aDesk({ unread: new Map([['c', 0]]), deskOnScreen: true }))).toBeNull();
    expect(tracker.reminder()).toBeNull();
  });

  it('alerts for a conversation given to her automatically until she opens it, not for her own take', () => {
    const tracker = createAlertTracker();
    // Conversations listed by the state sent on connection were hers already.
    expect(tracker.update(aDesk({ active: ['old'], syncs: 1 }))).toBeNull();
    // Taken by herself: announced while her take is in flight, then selected.
    expect(
      tracker.update(aDesk({ active: ['old', 'mine'], selectedId: 'old', deskOnScreen: true, takingNext: true })),
    ).toBeNull();
    expect(tracker.update(aDesk({ active: ['old', 'mine'], selectedId: 'mine', deskOnScreen: true }))).toBeNull();
    // Given to her while she reads another one.
    const desk = { active: ['old', 'mine', 'given'], selectedId: 'mine', deskOnScreen: true };
    expect(tracker.update(aDesk(desk))).toEqual({ kind: 'assigned', count: 0, chime: 'new', notify: true });
    expect(tracker.update(aDesk(desk))).toBeNull();
    expect(tracker.reminder()).toMatchObject({ kind: 'assigned' });
    expect(tracker.update(aDesk({ ...desk, selectedId: 'given' }))).toBeNull();
    expect(tracker.reminder()).toBeNull();
    // A reconnection's state lists conversations without any alert.
    expect(tracker.update(aDesk({ active: ['old', 'mine', 'given', 'while-away'], syncs: 2 }))).toBeNull();
  });

  it('forgets a visitor who stopped waiting, so that a later wait is new again', () => {
    const tracker = createAlertTracker();
    tracker.update(aDesk({ waiting: ['a'], deskOnScreen: true }));
    tracker.update(aDesk({ waiting: [] }));
    expect(tracker.update(aDesk({ waiting: ['a'] }))).toMatchObject({ kind: 'visitor-waiting', notify: true });
  });
});

describe('title and count', () => {
  it('counts waiting visitors only when she is available, plus unread messages', () => {
    const unread = new Map([
      ['c', 2],
      ['d', 0],
    ]);
    expect(attentionCount(aDesk({ waiting: ['a'], unread }))).toBe(3);
    expect(attentionCount(aDesk({ available: false, waiting: ['a'], unread }))).toBe(2);
    expect(titleWithCount('Havre — Console', 3)).toBe('(3) Havre — Console');
    expect(titleWithCount('Havre — Console', 0)).toBe('Havre — Console');
  });
});

describe('alert loop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('repeats softly every 30 seconds until seen, then stops', () => {
    const alerts: Alert[] = [];
    const loop = createAlertLoop({ onAlert: (alert) => alerts.push(alert) });
    loop.update(aDesk({ waiting: ['a'] }));
    expect(alerts.map((alert) => alert.chime)).toEqual(['new']);

    vi.advanceTimersByTime(29_999);
    expect(alerts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(alerts.map((alert) => alert.chime)).toEqual(['new', 'reminder']);
    vi.advanceTimersByTime(30_000);
    expect(alerts).toHaveLength(3);

    loop.update(aDesk({ waiting: ['a'], deskOnScreen: true }));
    vi.advanceTimersByTime(5 * 60_000);
    expect(alerts).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('restarts the interval on a new event instead of stacking reminders', () => {
    const alerts: Alert[] = [];
    const loop = createAlertLoop({ onAlert: (alert) => alerts.push(alert) });
    loop.update(aDesk({ waiting: ['a'] }));
    vi.advanceTimersByTime(20_000);
    loop.update(aDesk({ waiting: ['a'], unread: new Map([['c', 1]]) }));
    expect(alerts.map((alert) => alert.kind)).toEqual(['visitor-waiting', 'new-message']);
    vi.advanceTimersByTime(29_000);
    expect(alerts).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(alerts).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stops when she becomes unavailable and nothing else is unseen', () => {
    const alerts: Alert[] = [];
    const loop = createAlertLoop({ onAlert: (alert) => alerts.push(alert), repeatMs: 10_000 });
    loop.update(aDesk({ waiting: ['a'] }));
    loop.update(aDesk({ available: false, waiting: ['a'] }));
    vi.advanceTimersByTime(60_000);
    expect(alerts).toHaveLength(1);
  });

  it('stop() cancels any pending reminder', () => {
    const alerts: Alert[] = [];
    const loop = createAlertLoop({ onAlert: (alert) => alerts.push(alert) });
    loop.update(aDesk({ unread: new Map([['c', 1]]) }));
    loop.stop();
    vi.advanceTimersByTime(60_000);
    expect(alerts).toHaveLength(1);
  });
});
