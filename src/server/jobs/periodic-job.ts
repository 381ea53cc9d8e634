// The shape every background job shares: run once at start, then every `everyMs`; a failed run is logged
// (never thrown: a timer callback that throws would end the process) and the next one tries again.
import type { Logger } from 'pino';

export interface PeriodicJob {
  start(): void;
  stop(): void;
}

export function periodicJob(
  {
    name,
    everyMs,
    log,
    leader,
  }: {
    name: string;
    everyMs: number;
    log: Logger;
    /** With several nodes, a database job runs on the leader only (jobs/leader.ts); a tick elsewhere is skipped. */
    leader?: () => boolean;
  },
  run: () => Promise<unknown>,
): PeriodicJob {
  let timer: NodeJS.Timeout | null = null;
  const runLogged = () => {
    if (leader && !leader()) return;
    run().catch((error: unknown) => log.error({ err: error }, `${name} failed`));
  };
  return {
    start(): void {
      runLogged();
      timer = setInterval(runLogged, everyMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
