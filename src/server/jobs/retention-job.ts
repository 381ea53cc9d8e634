// Retention: once a conversation has been closed for the configured number of days, its data key is deleted
// and then its messages, so that its content is gone from the live database. Then the keyring moves past the
// day the retention has reached (decision 0021), after the keys still alive under older days have been wrapped
// again: from then on no copy of a purged key (dead rows, WAL, a dump, a backup) can be unwrapped, even with
// the master key. Last, a vacuum frees the deleted rows. Runs at start and every hour; `havre retention run`
// runs it now. Several nodes may run it at once: each purges and re-wraps different rows, and each moves its
// own copy of the keyring to the same day.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ContentCipher } from '../crypto/content-cipher.ts';
import { EPOCH_MS, epochOf, type Keyring, recordKeyringEpoch } from '../crypto/keyring.ts';
import type { SettingsService } from '../services/settings.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import { periodicJob } from './periodic-job.ts';

const BATCH = 200;
export const RETENTION_EVERY_MS = 3_600_000;

interface Deps {
  conversations: ConversationRepository;
  settings: SettingsService;
  settingsStore: SettingsRepository;
  cipher: Pick<ContentCipher, 'forget' | 'rewrap'>;
  keyring: Keyring;
  clock: Clock;
  log: Logger;
}

export function createRetentionJob({
  conversations,
  settings,
  settingsStore,
  cipher,
  keyring,
  clock,
  log,
  leader,
}: Deps & { leader?: () => boolean }) {
  /** Purges every conversation past retention, then moves the keyring; returns how many were purged. */
  async function runNow(): Promise<number> {
    const { retentionDays } = await settings.current();
    const now = clock.now();
    const cutoff = new Date(now.getTime() - retentionDays * EPOCH_MS);
    let purged = 0;
    for (;;) {
      const ids = await conversations.purgeClosedBefore(cutoff, now, BATCH);
      cipher.forget(ids);
      purged += ids.length;
      if (ids.length < BATCH) break;
    }
    // Every day before the cut-off's is over for retention: what is still alive from then (open, or closed
    // since the cut-off) moves to today's key, and the keyring forgets those days.
    const reached = epochOf(cutoff);
    let rewrapped = 0;
    for (;;) {
      const count = await conversations.rewrapBefore(reached, BATCH, cipher.rewrap);
      rewrapped += count;
      if (count < BATCH) break;
    }
    keyring.advanceTo(reached);
    await recordKeyringEpoch(settingsStore, keyring, now);
    if (purged > 0) await conversations.vacuumContent();
    if (purged > 0 || rewrapped > 0) {
      log.info({ purged, rewrapped, retentionDays }, 'retention: conversation content destroyed');
    }
    return purged;
  }

  return { runNow, ...periodicJob({ name: 'retention run', everyMs: RETENTION_EVERY_MS, log, leader }, runNow) };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
