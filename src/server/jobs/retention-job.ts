// Retention: once a conversation has been closed for the configured number of days, its data key is deleted
// and then its messages, so that its content is gone for good (crypto-shredding). Runs at start and every
// hour; `havre retention run` runs it now. Several nodes may run it at once: each purges different rows.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ContentCipher } from '../crypto/content-cipher.ts';
import type { SettingsService } from '../services/settings.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';

const BATCH = 200;
export const RETENTION_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface Deps {
  conversations: ConversationRepository;
  settings: SettingsService;
  cipher: Pick<ContentCipher, 'forget'>;
  clock: Clock;
  log: Logger;
}

export function createRetentionJob({ conversations, settings, cipher, clock, log }: Deps) {
  let timer: NodeJS.Timeout | null = null;

  /** Purges every conversation past retention; returns how many. */
  async function runNow(): Promise<number> {
    const { retentionDays } = await settings.current();
    const now = clock.now();
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
    let purged = 0;
    for (;;) {
      const ids = await conversations.purgeClosedBefore(cutoff, now, BATCH);
      cipher.forget(ids);
      purged += ids.length;
      if (ids.length < BATCH) break;
    }
    if (purged > 0) log.info({ purged, retentionDays }, 'retention: conversation content destroyed');
    return purged;
  }

  const runLogged = () => {
    runNow().catch((error: unknown) => log.error({ err: error }, 'retention run failed'));
  };

  return {
    runNow,
    start(): void {
      runLogged();
      timer = setInterval(runLogged, RETENTION_EVERY_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
