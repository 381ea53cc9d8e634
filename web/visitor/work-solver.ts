// Runs the admission work in a Web Worker (same origin, allowed by the CSP's script-src 'self').
import type { WorkSolver } from './conversation-client.ts';

export const solveInWorker: WorkSolver = (challenge) => {
  const worker = new Worker(new URL('./work-worker.ts', import.meta.url), { type: 'module' });
  const solution = new Promise<{ salt: string; number: number; signature: string }>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<number>) => {
      worker.terminate();
      if (data < 0) reject(new Error('unsolved'));
      else resolve({ salt: challenge.salt, number: data, signature: challenge.signature });
    };
    worker.onerror = reject;
  });
  worker.postMessage(challenge);
  return { solution, stop: () => worker.terminate() };
};
