// The raid benchmark's report: the calm run against the raid side by side, then what the raid obtained, the
// difficulty's timeline, the targets, and last one JSON line with every figure.

import { quantiles, round } from '../load/stats.ts';
import type { NewcomerResult } from './genuine.ts';
import type { RaidOptions } from './options.ts';

export interface RunFigures {
  seconds: number;
  serverCpu: number | null;
  generatorCpu: number;
  rssPeakMiB: number;
}

interface Messages {
  toCounselor: number[];
  toVisitor: number[];
  failures: Record<string, number>;
  unanswered: number;
}

type Run = RunFigures & { messages: Messages; newcomers: NewcomerResult[] };

interface RaidTally {
  outcomes: Record<string, Record<string, number>>;
  admitted: number;
  admittedAt: number[];
  floods: number[];
  floodRefusals: Record<string, number>;
  skipped: number;
  actions: number;
  held: number;
  deskTook: number;
  stillWaiting: number;
}

export interface RaidReport {
  options: RaidOptions;
  calm: Run;
  attack: Run;
  raid: RaidTally;
  difficulty: { atS: number; maxNumber: number | null }[];
  serverStoppedByItself: boolean;
  serverWarnings: number;
}

const QUEUED_WITHIN_MS = 10_000;
const TARGET_P99_MS = 100;
const TARGET_QUEUED_SHARE = 95;

const share = (part: number, whole: number) => (whole === 0 ? null : round((100 * part) / whole));

function newcomerFigures(newcomers: NewcomerResult[]) {
  const queued = newcomers.filter((n) => n.ok && n.ms <= QUEUED_WITHIN_MS).length;
  const refused: Record<string, number> = {};
  for (const n of newcomers) if (!n.ok) refused[n.code ?? '?'] = (refused[n.code ?? '?'] ?? 0) + 1;
  return {
    arrived: newcomers.length,
    queuedWithin10s: queued,
    queuedWithin10sPercent: share(queued, newcomers.length),
    timeToQueueMs: quantiles(newcomers.filter((n) => n.ok).map((n) => n.ms)),
    solveMs: quantiles(newcomers.flatMap((n) => (n.solveMs === null ? [] : [n.solveMs]))),
    maxNumberMet: quantiles(newcomers.flatMap((n) => (n.maxNumber === null ? [] : [n.maxNumber]))),
    placeInQueue: quantiles(newcomers.flatMap((n) => (n.position === null ? [] : [n.position]))),
    refused,
  };
}

function runFigures(run: Run) {
  return {
    seconds: round(run.seconds),
    visitorToCounselorMs: quantiles(run.messages.toCounselor),
    counselorToVisitorMs: quantiles(run.messages.toVisitor),
    messageFailures: run.messages.failures,
    messagesUnanswered: run.messages.unanswered,
    newcomers: newcomerFigures(run.newcomers),
    serverCpuPercentOfOneCore: run.serverCpu,
    generatorCpuPercentOfOneCore: run.generatorCpu,
    serverRssPeakMiB: run.rssPeakMiB,
  };
}

type Figures = ReturnType<typeof runFigures>;

const ROWS: [string, (f: Figures) => unknown][] = [
  ['genuine visitor→counselor p50 / p99 / max (ms)', (f) => triple(f.visitorToCounselorMs)],
  ['genuine counselor→visitor p50 / p99 / max (ms)', (f) => triple(f.counselorToVisitorMs)],
  ['genuine messages refused / unanswered', (f) => `${sum(f.messageFailures)} / ${f.messagesUnanswered}`],
  [
    'newcomers queued within 10 s',
    (f) => `${f.newcomers.queuedWithin10s}/${f.newcomers.arrived} (${f.newcomers.queuedWithin10sPercent ?? '–'} %)`,
  ],
  ['newcomer time to queue p50 / p99 / max (ms)', (f) => triple(f.newcomers.timeToQueueMs)],
  [
    'newcomer phone solve p50 / max (ms)',
    (f) => `${f.newcomers.solveMs.p50 ?? '–'} / ${f.newcomers.solveMs.max ?? '–'}`,
  ],
  [
    'difficulty she met p50 / max (maxNumber)',
    (f) => `${f.newcomers.maxNumberMet.p50 ?? '–'} / ${f.newcomers.maxNumberMet.max ?? '–'}`,
  ],
  [
    'her place in the queue p50 / max',
    (f) => `${f.newcomers.placeInQueue.p50 ?? '–'} / ${f.newcomers.placeInQueue.max ?? '–'}`,
  ],
  ['server CPU (% of a core)', (f) => f.serverCpuPercentOfOneCore],
  ['load generator CPU (% of a core, incl. solving)', (f) => f.generatorCpuPercentOfOneCore],
  ['server RSS peak (MiB)', (f) => f.serverRssPeakMiB],
];

const triple = (q: { p50: number | null; p99: number | null; max: number | null }) =>
  `${q.p50 ?? '–'} / ${q.p99 ?? '–'} / ${q.max ?? '–'}`;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function printRaidReport(report: RaidReport): void {
  const calm = runFigures(report.calm);
  const attack = runFigures(report.attack);
  const { raid, options } = report;
  const header = ['', 'calm', 'raid'];
  const rows = [header, ...ROWS.map(([label, get]) => [label, String(get(calm) ?? '–'), String(get(attack) ?? '–')])];
  const widths = header.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const perMinute = round((raid.admitted / report.attack.seconds) * 60);
  const admittedPer10s = timeline(raid.admittedAt, 10_000, report.attack.seconds);
  const out = [
    '',
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    '',
    `raid: ${raid.actions} hostile connections from ${options.hostileNetworks} networks over ${options.attackS} s` +
      ` (${raid.skipped} not started: generator saturated; ${raid.held} solutions held from before the calm run, sent once expired)`,
    ...Object.entries(raid.outcomes).map(([kind, counts]) => `  ${kind.padEnd(10)} ${describe(counts)}`),
    `hostile conversations that reached the queue: ${raid.admitted} (${perMinute}/min), all with paid work;` +
      ` per 10 s: ${admittedPer10s.join(' ')}`,
    `  taken by the ${raid.deskTook > 0 ? 'desk' : 'idle desk'}: ${raid.deskTook}; still waiting with a flooding socket at the end: ${raid.stillWaiting}`,
    `hostile messages accepted per flooding conversation (of ${options.flood} sent at once): ` +
      `${floodLine(raid.floods)}; refused: ${describe(raid.floodRefusals)}`,
    `difficulty (maxNumber) every 5 s: ${report.difficulty.map((d) => d.maxNumber ?? '–').join(' ')}`,
    targetLine(attack),
  ];
  if (report.serverStoppedByItself) out.push('the server process STOPPED BY ITSELF during the run');
  if (report.serverWarnings > 0) out.push(`server warnings or errors logged: ${report.serverWarnings}`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({ options, calm, attack, raid: { ...raid, admittedAt: undefined, admittedPer10s }, difficulty: report.difficulty })}\n`,
  );
}

function describe(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? 'none' : entries.map(([what, n]) => `${n}× ${what}`).join('; ');
}

function floodLine(floods: number[]): string {
  if (floods.length === 0) return 'no flood (no hostile conversation was taken while its socket stayed)';
  const q = quantiles(floods);
  return `${floods.length} floods, p50 ${q.p50}, max ${q.max}`;
}

function timeline(at: number[], sliceMs: number, seconds: number): number[] {
  const slices = Array(Math.max(1, Math.ceil((seconds * 1000) / sliceMs))).fill(0) as number[];
  for (const t of at) {
    const slice = Math.min(slices.length - 1, Math.floor(t / sliceMs));
    slices[slice] = (slices[slice] ?? 0) + 1;
  }
  return slices;
}

function targetLine(attack: Figures): string {
  const p99 = attack.visitorToCounselorMs.p99;
  const queued = attack.newcomers.queuedWithin10sPercent;
  const latencyMet = p99 !== null && p99 <= TARGET_P99_MS;
  const queuedMet = queued !== null && queued >= TARGET_QUEUED_SHARE;
  return (
    `Targets during the raid: genuine p99 ≤ ${TARGET_P99_MS} ms → ${p99 ?? '–'} ms ${latencyMet ? 'MET' : 'NOT MET'}; ` +
    `≥ ${TARGET_QUEUED_SHARE} % of newcomers queued within 10 s → ${queued ?? '–'} % ${queuedMet ? 'MET' : 'NOT MET'}`
  );
}
