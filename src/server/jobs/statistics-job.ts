// Writes the counted statistics every few seconds, and counts the team's minutes: each minute, how many
// counselors are available, how many conversations they could hold, how many they hold. A failed write keeps
// its counts for the next one; a stop writes what is left. Every node writes what it counted; the minute is
// counted once for the whole team, by the node that claims it first in the short-lived store shared by all.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Presence } from '../services/presence.ts';
import type { SettingsService } from '../services/settings.ts';
import type { StatisticsRecorder } from '../services/statistics-recorder.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { StatisticsRepository } from '../storage/statistics-repository.ts';
import { periodicJob } from './periodic-job.ts';

export const STATISTICS_FLUSH_MS = 5_000;
const MINUTE_MS = 60_000;

interface Deps {
  recorder: StatisticsRecorder;
  repository: StatisticsRepository;
  presence: Pick<Presence, 'online'>;
  conversations: Pick<ConversationRepository, 'activeCounts'>;
  settings: Pick<SettingsService, 'current'>;
  /** Where the nodes claim each minute, so that only one counts it. */
  store: Pick<ShortLivedStore, 'claim'>;
  clock: Clock;
  log: Logger;
}

export function createStatisticsJob({
  recorder,
  repository,
  presence,
  conversations,
  settings,
  store,
  clock,
  log,
}: Deps) {
  let writing: Promise<void> = Promise.resolve();
  let lastSample: number | null = null;

  /**
   * One write at a time; counts a failed write could not store go back for the next. Each write waits for the
   * one before to settle, failed or not: a failure must not stop every write after it.
   */
  function flush(): Promise<void> {
    writing = writing
      .catch(() => {})
      .then(async () => {
        const counts = recorder.drain();
        try {
          await repository.add(counts);
        } catch (error) {
          recorder.putBack(counts);
          throw error;
        }
      });
    return writing;
  }

  /** The team's minute, counted once per minute of the clock (a minute with no tick is not counted). */
  async function sample(): Promise<void> {
    const minute = Math.floor(clock.now().getTime() / MINUTE_MS);
    if (lastSample === minute) return;
    lastSample = minute;
    if (!(await store.claim(`statistics:minute:${minute}`, 2 * MINUTE_MS))) return;
    const [{ maxConversationsPerCounselor }, active] = await Promise.all([
      settings.current(),
      conversations.activeCounts(),
    ]);
    // On duty: available on any node, or still holding a conversation (a counselor who paused to finish hers
    // works on).
    const onDuty = new Set(
      presence.online().flatMap((person) => (person.status === 'available' ? [person.staffId] : [])),
    );
    for (const [staffId, held] of active) if (held > 0 && staffId !== '') onDuty.add(staffId);
    const busy = [...active.values()].reduce((sum, n) => sum + n, 0);
    recorder.sampleMinute({ staffed: onDuty.size, capacity: onDuty.size * maxConversationsPerCounselor, busy });
  }

  const job = periodicJob({ name: 'statistics', everyMs: STATISTICS_FLUSH_MS, log }, async () => {
    await sample();
    await flush();
  });

  return {
    start: job.start,
    /** Stops the timer and writes what is left. */
    async stop(): Promise<void> {
      job.stop();
      await flush().catch((error: unknown) => log.error({ err: error }, 'statistics: last write failed'));
    },
    flush,
    sample,
  };
}

export type StatisticsJob = ReturnType<typeof createStatisticsJob>;
