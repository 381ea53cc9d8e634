// Havre's CPU profile under --profile: copied out of the temporary folder (removed at the end), then its self
// time in the steady state summed by function and by library.
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress } from './progress.ts';
import { ROOT } from './server-process.ts';
import { Counts, round } from './stats.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The steady state on the profile's clock, in microseconds. */
interface Window {
  startMicros: number;
  endMicros: number;
}

export type ProfileSummary = ReturnType<typeof summariseProfile>;

/** The summary of the profile written to `profileDir`, the file kept in the system's temporary folder. */
export function keepAndSummariseProfile(profileDir: string, window: Window): ProfileSummary | null {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) {
    progress('no CPU profile was written');
    return null;
  }
  // Kept out of the temporary folder, which is removed at the end.
  const kept = join(tmpdir(), `havre-bench-${Date.now()}.cpuprofile`);
  rmSync(kept, { force: true });
  copyFileSync(join(profileDir, file), kept);
  return summariseProfile(kept, window);
}

function summariseProfile(file: string, window: Window) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { self, total, overlaps } = selfTime(profile, window);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Counts();
  const byCategory = new Counts();
  for (const [id, micros] of self) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    const category = categoryOf(frame.url, frame.functionName);
    byFunction.add(`[${category}] ${frame.functionName || '(anonymous)'}${whereOf(frame)}`, micros);
    byCategory.add(category, micros);
  }
  const percent = (micros: number) => round((100 * micros) / Math.max(1, total));
  const top = (counts: Counts, n: number) =>
    [...counts.map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => ({ name, percent: percent(micros) }));
  return {
    file,
    scope: overlaps ? 'steady state' : 'whole run (the steady-state window was not found in the profile)',
    sampledSeconds: round(total / 1e6),
    categories: top(byCategory, 20),
    functions: top(byFunction, 25),
  };
}

/** Self time per node in the window (the whole profile if the window is not in it), and its total. */
function selfTime(profile: CpuProfile, window: Window) {
  const overlaps = window.startMicros < profile.endTime && window.endMicros > profile.startTime;
  const self = new Map<number, number>();
  let time = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (overlaps && (time < window.startMicros || time > window.endMicros)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
    total += delta;
  });
  return { self, total, overlaps };
}

/** ` file:line`, short: the package's path in node_modules, or the path in this repository. */
function whereOf(frame: CallFrame): string {
  return frame.url
    ? ` ${frame.url.replace(/^.*node_modules\//, '').replace(`file://${ROOT}/`, '')}:${frame.lineNumber + 1}`
    : '';
}

function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native';
  if (url.startsWith('wasm://') || url.includes('@electric-sql/pglite')) return 'pglite';
  if (/socket\.io|engine\.io|\/ws\//.test(url)) return 'socket.io';
  if (url.includes('/kysely/')) return 'kysely';
  if (/\/pg(-[a-z]+)?\//.test(url)) return 'pg driver';
  if (url.includes('/zod/')) return 'zod';
  if (url.includes('/pino')) return 'pino';
  if (url.includes('/node_modules/')) return 'other libraries';
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/src/')) return 'havre';
  return 'other';
}
