// CPU time read from /proc (the server's, PostgreSQL's, the whole machine's) and this generator's own, taken
// before and after the steady state and turned into shares of a core.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { round } from './stats.ts';

export interface CpuSnapshot {
  serverCpu: number | null;
  /** Redis, in a cluster run. */
  redisCpu: number | null;
  ownCpu: NodeJS.CpuUsage;
  machine: { busy: number; total: number };
  postgresCpu: Map<number, number> | null;
}

/** `serverPids`: every Havre node (summed); `redisPid`: the cluster's Redis, if any. */
export function takeCpuSnapshot(serverPids: number[], withPostgres: boolean, redisPid?: number): CpuSnapshot {
  const each = serverPids.map((pid) => cpuSeconds(pid));
  return {
    serverCpu: each.some((seconds) => seconds === null) ? null : each.reduce<number>((sum, s) => sum + (s ?? 0), 0),
    redisCpu: redisPid ? cpuSeconds(redisPid) : null,
    ownCpu: process.cpuUsage(),
    machine: machineTicks(),
    postgresCpu: withPostgres ? postgresCpu() : null,
  };
}

/** Percentages of one core used between two snapshots (the machine's: of all its cores), rounded. */
export function cpuSharesBetween(before: CpuSnapshot, after: CpuSnapshot, seconds: number) {
  const ownMicros = after.ownCpu.user - before.ownCpu.user + (after.ownCpu.system - before.ownCpu.system);
  const machineTotal = after.machine.total - before.machine.total;
  const server =
    before.serverCpu !== null && after.serverCpu !== null
      ? round((100 * (after.serverCpu - before.serverCpu)) / seconds)
      : null;
  const generator = round(ownMicros / 1e4 / seconds);
  const postgres =
    before.postgresCpu && after.postgresCpu
      ? round((100 * postgresCpuBetween(before.postgresCpu, after.postgresCpu)) / seconds)
      : null;
  const redis =
    before.redisCpu !== null && after.redisCpu !== null
      ? round((100 * (after.redisCpu - before.redisCpu)) / seconds)
      : null;
  const machineBusy =
    machineTotal > 0 ? round((100 * (after.machine.busy - before.machine.busy)) / machineTotal) : null;
  // What the rest of the machine (other programs) used meanwhile: it competes for the same cores.
  const others =
    machineBusy !== null && server !== null
      ? round(Math.max(0, machineBusy * availableParallelism() - server - generator - (postgres ?? 0) - (redis ?? 0)))
      : null;
  return { server, generator, postgres, redis, machineBusy, others };
}

/** Share of the machine's CPU time that was busy over a short while, before any load: other work on it. */
export async function backgroundBusyPercent(ms = 2000): Promise<number> {
  const before = machineTicks();
  await sleep(ms);
  const after = machineTicks();
  return round((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total));
}

/**
 * CPU seconds (user + system) used so far by a process; with `children`, also by its children that have ended
 * (PostgreSQL's backends: the pool closes idle connections and opens others during a long run).
 */
function cpuSeconds(pid: number, children = false): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of proc(5), utime and stime, in clock ticks (100 per second on Linux); 16 and 17, the
    // same for children waited for.
    const own = Number(fields[11]) + Number(fields[12]);
    return (own + (children ? Number(fields[13]) + Number(fields[14]) : 0)) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds per process of every PostgreSQL process on this machine (the server and its backends). */
function postgresCpu(): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const seconds = cpuSeconds(Number(entry), true);
    if (seconds !== null) cpu.set(Number(entry), seconds);
  }
  return cpu;
}

/**
 * CPU seconds that PostgreSQL processes used between two samples: a backend gone in between is counted through
 * the server process, which waited for it; one that started in between, from its start.
 */
function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}
