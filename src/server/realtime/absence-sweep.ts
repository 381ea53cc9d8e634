// Nobody left alone when a node dies (cluster mode, decision 0029). On one node, absences are known from its own
// sockets: it marks them as they go, and after a restart marks everyone away until they reconnect. Several
// nodes cannot do that: a node starting must not mark away the people connected to the others, and a node that
// dies (kill -9) takes its timers with it. So the leader compares, every few seconds, who has a socket on any
// node (each node answers with conversation ids, and the presence every node tells) with what the database
// says: someone gone twice in a row is marked away, someone marked away but connected is marked back, and a
// waiting visitor away longer than her place is kept loses it. The rest (hand-backs, visitors gone from an
// active conversation) is the presence job's, on the same marks.
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Clock } from '../clock.ts';
import type { ClusterBus } from '../cluster/cluster-bus.ts';
import { periodicJob } from '../jobs/periodic-job.ts';
import type { Presence } from '../services/presence.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';

export const ABSENCE_SWEEP_EVERY_MS = 5_000;

/** The conversations whose visitor has a tab connected to this node (from its rooms: no socket is read). */
export function visitorsHere(visitors: Namespace): string[] {
  const prefix = rooms.visitor('');
  return [...visitors.adapter.rooms.keys()]
    .filter((room) => room.startsWith(prefix))
    .map((room) => room.slice(prefix.length));
}

interface Deps {
  visitors: Namespace;
  bus: Pick<ClusterBus, 'visitorsElsewhere'>;
  presence: Pick<Presence, 'isOnline'>;
  conversations: Pick<
    ConversationRepository,
    | 'openPresence'
    | 'markAbsent'
    | 'markPresent'
    | 'closeIfStillAbsent'
    | 'markCounselorAbsent'
    | 'markCounselorPresent'
  >;
  notifier: Notifier;
  clock: Clock;
  placeKeptMs: number;
  log: Logger;
  leader: () => boolean;
}

export function createAbsenceSweep(deps: Deps) {
  const { visitors, bus, presence, conversations, notifier, clock, placeKeptMs, log, leader } = deps;
  /** Who was missing at the last sweep: marked only when missing at two in a row (a start, a reload). */
  let missingBefore = new Set<string>();

  let running = false;

  async function runNow(): Promise<void> {
    if (running) return;
    running = true;
    try {
      await sweep();
    } finally {
      running = false;
    }
  }

  async function sweep(): Promise<void> {
    const connected = await bus.visitorsElsewhere();
    for (const id of visitorsHere(visitors)) connected.add(id);
    const now = clock.now();
    const missing = new Set<string>();
    const changed: (ConversationRow | undefined)[] = [];
    const counselorsAway = new Set<string>();
    const counselorsBack = new Set<string>();
    for (const row of await conversations.openPresence()) {
      const here = connected.has(row.id);
      if (here && row.absent_since) changed.push(await conversations.markPresent(row.id));
      if (!here && !row.absent_since) {
        missing.add(row.id);
        if (missingBefore.has(row.id)) changed.push(await conversations.markAbsent(row.id, now));
      }
      if (
        !here &&
        row.status === 'waiting' &&
        row.absent_since &&
        now.getTime() - row.absent_since.getTime() >= placeKeptMs
      ) {
        changed.push(await conversations.closeIfStillAbsent(row.id, now));
      }
      if (row.status === 'active' && row.counselor_id) {
        const online = presence.isOnline(row.counselor_id);
        if (!online && !row.counselor_absent_since) {
          missing.add(`counselor:${row.counselor_id}`);
          if (missingBefore.has(`counselor:${row.counselor_id}`)) counselorsAway.add(row.counselor_id);
        }
        if (online && row.counselor_absent_since) counselorsBack.add(row.counselor_id);
      }
    }
    for (const staffId of counselorsAway) changed.push(...(await conversations.markCounselorAbsent(staffId, now)));
    for (const staffId of counselorsBack) changed.push(...(await conversations.markCounselorPresent(staffId)));
    missingBefore = missing;
    const moved = changed.filter((row) => row !== undefined);
    if (moved.length > 0) {
      for (const row of moved) if (row.status !== 'waiting') notifier.conversation(row);
      notifier.queueChanged();
      log.info({ moved: moved.length }, 'absence sweep: marks brought in line with the connected sockets');
    }
  }

  return { runNow, ...periodicJob({ name: 'absence sweep', everyMs: ABSENCE_SWEEP_EVERY_MS, log, leader }, runNow) };
}
