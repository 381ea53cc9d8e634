// The ramp-up: conversations opened in batches until all are open, the server stops or a deadline passes;
// then the sockets of half-open pairs are closed, as they take no part in the load.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { LoadClients } from './load-clients.ts';
import type { Options } from './options.ts';
import { progress } from './progress.ts';
import { isRunning, type ServerProcess } from './server-process.ts';
import { disconnectSocketsBut } from './socket-clients.ts';
import { Counts, round } from './stats.ts';

export interface RampUp {
  seconds: number;
  /** Why conversations failed to open, and how many for each reason. */
  failures: Counts;
  /** Why the ramp-up stopped early, if it did. */
  note: string;
}

export async function rampUp(
  clients: LoadClients,
  server: ServerProcess,
  cookies: string[] | null,
  options: Options,
): Promise<RampUp> {
  const { pairs } = clients;
  const failures = new Counts();
  const start = performance.now();
  const deadline = start + 30_000 + 250 * options.conversations;
  let note = '';
  for (let first = 0; first < options.conversations; first += options.batch) {
    if (!isRunning(server)) {
      note = `the server stopped during the ramp-up, after ${pairs.length} conversations`;
      break;
    }
    if (performance.now() > deadline) {
      note = `ramp-up stopped by its deadline after ${pairs.length} conversations`;
      progress(note);
      break;
    }
    const size = Math.min(options.batch, options.conversations - first);
    await openBatch(
      clients,
      failures,
      Array.from({ length: size }, (_, i) => cookies?.[first + i] ?? null),
    );
    if ((first / options.batch) % 5 === 4 || first + size >= options.conversations) {
      progress(
        `${server.name}: ${pairs.length}/${options.conversations} conversations open (${round((performance.now() - start) / 1000)} s)`,
      );
    }
  }
  const seconds = (performance.now() - start) / 1000;
  // Sockets of a half-open pair (a counselor with nobody, a visitor left waiting) take no part in the load.
  disconnectSocketsBut(new Set<Socket>(pairs.flatMap((pair) => [pair.visitor, pair.counselor.socket])));
  return { seconds, failures, note };
}

/** Counselors connect and become available, as many visitors start, then each counselor takes one and greets her. */
async function openBatch(clients: LoadClients, failures: Counts, cookies: (string | null)[]): Promise<void> {
  const failed = (results: PromiseSettledResult<unknown>[]) => {
    for (const result of results) {
      if (result.status === 'rejected') failures.add(String((result.reason as Error)?.message ?? result.reason));
    }
  };
  const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
    results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const counselorResults = await Promise.allSettled(cookies.map(clients.openCounselor));
  failed(counselorResults);
  const counselors = fulfilled(counselorResults);
  const visitorResults = await Promise.allSettled(counselors.map(() => clients.openVisitor()));
  failed(visitorResults);
  const pairResults = await Promise.allSettled(counselors.map(clients.takeAndGreet));
  failed(pairResults);
  clients.pairs.push(...fulfilled(pairResults));
}
