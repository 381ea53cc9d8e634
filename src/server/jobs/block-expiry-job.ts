// Deletes blocks a day after they ended, with their tab hash: nothing about a troll outlives its use. Runs at
// start and every hour; several nodes may run it at once (the delete is idempotent).
import type { Logger } from 'pino';

export const BLOCK_EXPIRY_EVERY_MS = 3_600_000;

export function createBlockExpiryJob({ purge, log }: { purge: () => Promise<void>; log: Logger }) {
  let timer: NodeJS.Timeout | null = null;
  const runLogged = () => {
    purge().catch((error: unknown) => log.error({ err: error }, 'block expiry failed'));
  };
  return {
    start(): void {
      runLogged();
      timer = setInterval(runLogged, BLOCK_EXPIRY_EVERY_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
