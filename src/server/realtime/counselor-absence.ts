// A counselor whose console goes (her browser crashed, her laptop slept, her network dropped) leaves her
// visitors alone (decision 0026). From the moment she has no console connected, each active conversation she
// holds is marked `counselor_absent_since`: her visitor reads that her counselor lost the connection and
// should stay, the supervision board shows since when, and the presence job (jobs/presence-job.ts) hands it
// back to the queue past the admins' limit. When a console of hers is back in time, nothing else happens.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Presence } from '../services/presence.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { Notifier } from './notifier.ts';

interface Deps {
  conversations: Pick<
    ConversationRepository,
    'markCounselorAbsent' | 'markCounselorPresent' | 'markAllCounselorsAbsent'
  >;
  presence: Pick<Presence, 'isOnline'>;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
}

/**
 * A console that reconnects at once (a network blip, a page reload) is not an absence: her visitor is told
 * only if no console of hers is back after this.
 */
export const COUNSELOR_AWAY_AFTER_MS = 5_000;

export function createCounselorAbsence({ conversations, presence, notifier, clock, log }: Deps) {
  const pending = new Map<string, NodeJS.Timeout>();
  const logged = (work: () => Promise<void>) => {
    work().catch((error: unknown) => log.error({ err: error }, 'counselor presence update failed'));
  };
  const told = (rows: ConversationRow[]) => {
    for (const row of rows) notifier.conversation(row);
    // The board rides on the queue's broadcast.
    if (rows.length > 0) notifier.queueChanged();
  };
  const back = async (staffId: string) => told(await conversations.markCounselorPresent(staffId));

  return {
    /** A socket of hers went away: if it was her last and none is back soon, her conversations are marked. */
    left(staffId: string): void {
      if (presence.isOnline(staffId)) return;
      clearTimeout(pending.get(staffId));
      const timer = setTimeout(() => {
        pending.delete(staffId);
        logged(async () => {
          if (presence.isOnline(staffId)) return;
          told(await conversations.markCounselorAbsent(staffId, clock.now()));
          // A console that came back while this was being written must not leave her marked away.
          if (presence.isOnline(staffId)) await back(staffId);
        });
      }, COUNSELOR_AWAY_AFTER_MS);
      timer.unref();
      pending.set(staffId, timer);
    },

    /** A console of hers is connected. */
    back(staffId: string): void {
      clearTimeout(pending.get(staffId));
      pending.delete(staffId);
      logged(() => back(staffId));
    },

    stop(): void {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },

    /** After a start no console is connected yet: every counselor is away until hers reconnects. */
    markAllAbsent: () => conversations.markAllCounselorsAbsent(clock.now()),
  };
}

export type CounselorAbsence = ReturnType<typeof createCounselorAbsence>;
