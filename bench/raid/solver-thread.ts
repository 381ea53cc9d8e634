// A worker thread that solves admission work as a script would, with node:crypto at full speed on one core,
// so that neither the attackers' solving nor the genuine visitors' simulated phones block the event loop
// that measures latencies. Messages in: { id, challenge }; out: { id, number, attempts } (number null when no
// number up to maxNumber matches, i.e. the challenge was not honest).
import { parentPort } from 'node:worker_threads';
import type { WorkChallengeView } from '../../src/protocol/work.ts';
import { solveWork } from '../../test/support/solve-work.ts';

parentPort?.on('message', ({ id, challenge }: { id: number; challenge: WorkChallengeView }) => {
  try {
    const { number } = solveWork(challenge);
    parentPort?.postMessage({ id, number, attempts: number + 1 });
  } catch {
    parentPort?.postMessage({ id, number: null, attempts: challenge.maxNumber + 1 });
  }
});
