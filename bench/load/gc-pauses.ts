// Garbage-collection pauses of a server run with --trace-gc: read from its output, summed over the steady state.
import { performance } from 'node:perf_hooks';
import { round } from './stats.ts';

export interface GcPause {
  at: number;
  kind: string;
  ms: number;
}

/** A --trace-gc line: `[pid:0x…]  1234 ms: Scavenge 10.1 (12.0) -> 9.8 (13.0) MB, pooled: 0 MB, 1.23 / 0.00 ms …` */
const GC_LINE = /\d+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)\b.*?, ([\d.]+) \/ [\d.]+ ms/;

/** The pause an output line reports, dated now; null when the line is no --trace-gc line. */
export function gcPauseOf(line: string): GcPause | null {
  const gc = GC_LINE.exec(line);
  return gc ? { at: performance.now(), kind: gc[1] ?? '', ms: Number(gc[2]) } : null;
}

export function summariseGcPauses(pauses: GcPause[], start: number, end: number) {
  const inWindow = pauses.filter((pause) => pause.at >= start && pause.at <= end);
  const total = inWindow.reduce((sum, pause) => sum + pause.ms, 0);
  return {
    count: inWindow.length,
    totalMs: round(total),
    maxMs: round(Math.max(0, ...inWindow.map((pause) => pause.ms))),
    /** Pauses of 20 ms or more, with their time in seconds from the start of the steady state. */
    long: inWindow
      .filter((pause) => pause.ms >= 20)
      .slice(0, 50)
      .map((pause) => ({ atS: round((pause.at - start) / 1000), kind: pause.kind, ms: round(pause.ms) })),
  };
}
