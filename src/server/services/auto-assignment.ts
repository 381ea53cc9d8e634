// Optional automatic assignment (an admin setting, off by default): whenever the queue may have moved (a
// visitor joins, a counselor becomes available, a conversation ends), waiting visitors are given one by one to
// available online counselors until nobody waits or everyone is at her limit. One drain at a time per
// process; a request during a drain runs one more drain after it, so that no change is missed.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { AutoAssignRepository } from '../storage/auto-assign-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { Presence } from './presence.ts';
import type { SettingsService } from './settings.ts';

interface Deps {
  repository: AutoAssignRepository;
  presence: Presence;
  settings: SettingsService;
  clock: Clock;
  /** Tells the visitor and her counselor; the counselor's console opens the conversation. */
  onAssigned: (conversation: ConversationRow) => void;
  log: Logger;
}

export function createAutoAssignment({ repository, presence, settings, clock, onAssigned, log }: Deps) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function drain(): Promise<void> {
    const { autoAssignment, maxConversationsPerCounselor } = await settings.current();
    if (!autoAssignment) return;
    while (!stopped) {
      const conversation = await repository.assignOne(
        presence.availableOnline(),
        maxConversationsPerCounselor,
        clock.now(),
      );
      if (!conversation) return;
      onAssigned(conversation);
    }
  }

  async function run(): Promise<void> {
    do {
      again = false;
      await drain();
    } while (again && !stopped);
  }

  return {
    request(): void {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = run()
        .catch((error: unknown) => log.error({ err: error }, 'automatic assignment failed'))
        .finally(() => {
          running = null;
        });
    },

    /** Resolves once no drain is running (for an orderly shutdown and for tests). */
    async settled(): Promise<void> {
      while (running) await running;
    },

    stop(): void {
      stopped = true;
    },
  };
}

export type AutoAssignment = ReturnType<typeof createAutoAssignment>;
