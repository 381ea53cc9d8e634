// Clean-up of everything the benchmark started, in reverse order, on success, error, Ctrl-C or overrun: the
// sockets first, then each step registered (temporary folder, PostgreSQL database, server processes).
import { progress } from './progress.ts';
import { disconnectSocketsBut } from './socket-clients.ts';

const steps: (() => Promise<void>)[] = [];

export function onCleanUp(step: () => Promise<void>): void {
  steps.push(step);
}

export async function cleanUp(): Promise<void> {
  disconnectSocketsBut();
  while (steps.length > 0) {
    const step = steps.pop();
    await step?.().catch((error: unknown) => progress(`clean-up step failed: ${String(error)}`));
  }
}

/**
 * Cleans up and exits on SIGINT or SIGTERM (code 130), and past `limitMs` whatever happens (code 1). Returns
 * the overrun timer, to clear once the run has ended by itself.
 */
export function cleanUpOnSignalOrOverrun(limitMs: number): NodeJS.Timeout {
  const watchdog = setTimeout(() => {
    progress(`the run exceeded ${Math.round(limitMs / 1000)} s; stopping`);
    cleanUp().finally(() => process.exit(1));
  }, limitMs);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping`);
      cleanUp().finally(() => process.exit(130));
    });
  }
  return watchdog;
}

/**
 * Runs a benchmark with clean-up on success, error, Ctrl-C or past `limitMs`; answers the exit code (1 on
 * error, with the error said on stderr).
 */
export async function runCleanly(limitMs: number, body: () => Promise<void>): Promise<number> {
  const watchdog = cleanUpOnSignalOrOverrun(limitMs);
  try {
    await body();
    return 0;
  } catch (error) {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
}

/**
 * A benchmark's entry point: reads its options (`--help` prints `usage`; a bad option prints why, and usage,
 * and exits 2), then runs `bench` with them and exits with its code.
 */
export function benchMain<O>(parse: () => O | null, usage: string, bench: (options: O) => Promise<number>): void {
  let options: O | null;
  try {
    options = parse();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (!options) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  bench(options).then((code) => process.exit(code));
}
