// Solving admission work from the benchmark: each kind of client gets its own thread (attackers share one core
// at full speed; genuine visitors another), and a genuine visitor also waits as long as her low-end phone would
// take for the attempts the solution needed, so her time to the queue is the one she would live.
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { WorkChallengeView, WorkSolution } from '../../src/protocol/work.ts';

export interface Solved {
  solution: WorkSolution;
  attempts: number;
  ms: number;
}

export function createSolver(phoneRate: number | null) {
  const worker = new Worker(new URL('./solver-thread.ts', import.meta.url));
  worker.unref();
  const waiting = new Map<number, (answer: { number: number | null; attempts: number }) => void>();
  let nextId = 0;
  worker.on('message', (answer: { id: number; number: number | null; attempts: number }) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });

  return {
    /** Jobs waiting for the thread: when attackers ask faster than one core solves, they queue here. */
    backlog: () => waiting.size,

    async solve(challenge: WorkChallengeView): Promise<Solved | null> {
      const started = performance.now();
      const id = nextId++;
      const answer = await new Promise<{ number: number | null; attempts: number }>((done) => {
        waiting.set(id, done);
        worker.postMessage({ id, challenge });
      });
      if (answer.number === null) return null;
      if (phoneRate !== null) {
        const phoneMs = (answer.attempts / phoneRate) * 1000;
        await sleep(Math.max(0, phoneMs - (performance.now() - started)));
      }
      const solution = { salt: challenge.salt, number: answer.number, signature: challenge.signature };
      return { solution, attempts: answer.attempts, ms: performance.now() - started };
    },

    stop: () => worker.terminate(),
  };
}

export type Solver = ReturnType<typeof createSolver>;
