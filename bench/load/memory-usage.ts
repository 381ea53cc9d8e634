// A server's resident memory, read from /proc: sampled through the load for its peak, and every few seconds
// for a timeline.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { round } from './stats.ts';

const STATUS_LINES = { VmRSS: /VmRSS:\s+(\d+) kB/, VmHWM: /VmHWM:\s+(\d+) kB/ };

/** A memory figure of /proc/<pid>/status in KiB: VmRSS now, or VmHWM, the most since start; null once gone. */
function statusKiB(pid: number, field: keyof typeof STATUS_LINES): number | null {
  try {
    const match = STATUS_LINES[field].exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export interface MemorySamples {
  idleKiB: number;
  peakKiB: number;
  endKiB: number;
}

export const highWaterKiB = (pid: number) => statusKiB(pid, 'VmHWM');

/**
 * Samples a process's resident memory every 250 ms from now on. It first waits (at most 10 s) for the memory
 * to settle, because start-up (PGlite above all) briefly takes far more than it keeps.
 */
export async function sampleMemory(pid: number) {
  let previous = statusKiB(pid, 'VmRSS') ?? 0;
  for (let i = 0; i < 20; i += 1) {
    await sleep(500);
    const now = statusKiB(pid, 'VmRSS') ?? 0;
    if (Math.abs(now - previous) < 2048) break;
    previous = now;
  }
  const samples: MemorySamples = {
    idleKiB: statusKiB(pid, 'VmRSS') ?? 0,
    peakKiB: statusKiB(pid, 'VmRSS') ?? 0,
    endKiB: 0,
  };
  const timer = setInterval(() => {
    const kib = statusKiB(pid, 'VmRSS');
    if (kib === null) return;
    samples.peakKiB = Math.max(samples.peakKiB, kib);
    samples.endKiB = kib;
  }, 250);
  return { samples, stop: () => clearInterval(timer) };
}

/** Records the resident memory in whole MiB every `everyMs` from now on. */
export function recordMemoryTimeline(pid: number, everyMs: number) {
  const mib: number[] = [];
  const timer = setInterval(() => mib.push(round((statusKiB(pid, 'VmRSS') ?? 0) / 1024, 0)), everyMs);
  return { mib, stop: () => clearInterval(timer) };
}
