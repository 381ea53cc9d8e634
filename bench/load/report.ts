// The report on stdout: both runs side by side in a table, then notes (Havre against the relay, the target,
// timelines, GC pauses, failures), the CPU profile when asked for, and last one JSON line with every figure.
import { availableParallelism } from 'node:os';
import type { HavreBench } from './bench-havre.ts';
import type { ProfileSummary } from './cpu-profile.ts';
import { type Options, TARGETS } from './options.ts';
import type { LoadResult } from './run-load.ts';
import { ratio, rssTrend } from './stats.ts';

const ROWS: [string, (r: LoadResult) => unknown][] = [
  ['conversations opened / asked', (r) => `${r.conversationsOpened} / ${r.conversationsRequested}`],
  ['conversations held at the end', (r) => r.conversationsHeld],
  ['ramp-up (s)', (r) => r.rampSeconds],
  ['steady state (s)', (r) => r.steadySeconds],
  ['messages/s delivered (expected)', (r) => `${r.messagesPerSecond} (${r.expectedMessagesPerSecond})`],
  ['messages sent / not delivered', (r) => `${r.messagesSent} / ${r.messagesUndelivered}`],
  ['visitor→counselor p50 (ms)', (r) => r.latencyVisitorToCounselorMs.p50],
  ['visitor→counselor p95 (ms)', (r) => r.latencyVisitorToCounselorMs.p95],
  ['visitor→counselor p99 (ms)', (r) => r.latencyVisitorToCounselorMs.p99],
  ['visitor→counselor max (ms)', (r) => r.latencyVisitorToCounselorMs.max],
  [
    'counselor→visitor p50 / p99 (ms)',
    (r) => `${r.latencyCounselorToVisitorMs.p50} / ${r.latencyCounselorToVisitorMs.p99}`,
  ],
  ['ack visitor p50 / p99 (ms)', (r) => `${r.ackVisitorMs.p50} / ${r.ackVisitorMs.p99}`],
  ['ack counselor p50 / p99 (ms)', (r) => `${r.ackCounselorMs.p50} / ${r.ackCounselorMs.p99}`],
  [
    'errors / disconnects / ramp failures',
    (r) => `${r.errorCount} / ${r.disconnects} / ${Object.values(r.rampFailures).reduce((a, b) => a + b, 0)}`,
  ],
  [
    'server RSS before → peak under load (MiB)',
    (r) => `${r.serverRssMiB.beforeLoad} → ${r.serverRssMiB.peakUnderLoad}`,
  ],
  ['server RSS high-water incl. start-up', (r) => r.serverRssMiB.highWaterSinceStart],
  ['server CPU, steady (% of a core; all nodes)', (r) => r.serverCpuPercentOfOneCore],
  ['load generator CPU (% of a core)', (r) => r.generatorCpuPercentOfOneCore],
  ['PostgreSQL CPU (% of a core)', (r) => r.postgresCpuPercentOfOneCore],
  ['Redis CPU (% of a core)', (r) => r.redisCpuPercentOfOneCore],
  ['server CPU-s per 1,000 messages', (r) => perThousand(r.serverCpuPercentOfOneCore, r.messagesPerSecond)],
  ['PostgreSQL CPU-s per 1,000 messages', (r) => perThousand(r.postgresCpuPercentOfOneCore, r.messagesPerSecond)],
  [
    'all CPU-s per 1,000 messages (server+db+Redis)',
    (r) =>
      perThousand(
        (r.serverCpuPercentOfOneCore ?? 0) + (r.postgresCpuPercentOfOneCore ?? 0) + (r.redisCpuPercentOfOneCore ?? 0),
        r.messagesPerSecond,
      ),
  ],
  ['generator loop delay p99 (ms)', (r) => r.generatorEventLoopDelayMs.p99],
  [`machine CPU busy (% of ${availableParallelism()} cores)`, (r) => r.machineCpuBusyPercent],
  ['other programs, steady (% of a core)', (r) => r.othersCpuPercentOfOneCore],
  ['machine CPU busy before the load (%)', (r) => r.machineCpuBusyBeforeLoadPercent],
];

/** CPU-seconds spent per thousand messages delivered, from a share of a core and a rate. */
function perThousand(percentOfOneCore: number | null | undefined, messagesPerSecond: number): number | null {
  if (percentOfOneCore == null || !(messagesPerSecond > 0)) return null;
  return Math.round((percentOfOneCore / 100 / messagesPerSecond) * 1000 * 1000) / 1000;
}

type Ratios = ReturnType<typeof havreOverRelay>;

export function printReport(options: Options, havre: HavreBench | null, relay: LoadResult | null): void {
  const results = [havre?.result ?? null, relay].filter((r): r is LoadResult => r !== null);
  const out = table(options, results);
  const ratios = havre && relay ? havreOverRelay(havre.result, relay) : null;
  if (ratios) {
    out.push(
      '',
      `Havre / bare relay: p99 latency ×${ratios.p99Latency ?? '–'}, p50 latency ×${ratios.p50Latency ?? '–'}, ` +
        `peak RSS ×${ratios.peakRss ?? '–'}, server CPU ×${ratios.serverCpu ?? '–'}`,
    );
  }
  const target = havre ? checkTarget(options, havre.result) : null;
  if (target) out.push(target.line);
  for (const r of results) out.push(...notesOn(r));
  process.stdout.write(`${out.join('\n')}\n`);
  if (havre?.profile) printProfile(havre.profile);
  process.stdout.write(jsonLine(options, havre, relay, ratios, target?.met ?? null));
}

function table(options: Options, results: LoadResult[]): string[] {
  const header = [
    '',
    ...results.map((r) =>
      r.target === 'havre' ? `Havre (${options.db}${r.nodes > 1 ? `, ${r.nodes} nodes` : ''})` : 'bare relay',
    ),
  ];
  const rows = [header, ...ROWS.map(([label, get]) => [label, ...results.map((r) => String(get(r) ?? '–'))])];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return ['', line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

function havreOverRelay(havre: LoadResult, relay: LoadResult) {
  return {
    p99Latency: ratio(havre.latencyVisitorToCounselorMs.p99, relay.latencyVisitorToCounselorMs.p99),
    p50Latency: ratio(havre.latencyVisitorToCounselorMs.p50, relay.latencyVisitorToCounselorMs.p50),
    peakRss: ratio(havre.serverRssMiB.peakUnderLoad, relay.serverRssMiB.peakUnderLoad),
    serverCpu: ratio(havre.serverCpuPercentOfOneCore, relay.serverCpuPercentOfOneCore),
  };
}

/** Whether Havre held the target's conversations with its p99 latency, losing nothing and without errors. */
function checkTarget(options: Options, havre: LoadResult) {
  const goal = TARGETS[options.db];
  const p99 = havre.latencyVisitorToCounselorMs.p99;
  const met =
    havre.conversationsHeld >= goal.conversations &&
    p99 !== null &&
    p99 <= goal.p99Ms &&
    havre.messagesUndelivered === 0 &&
    havre.errorCount === 0;
  const line =
    `Target (${options.db}): ≥ ${goal.conversations} conversations held with p99 ≤ ${goal.p99Ms} ms, nothing lost → ` +
    `${havre.conversationsHeld} held, p99 ${p99 ?? '–'} ms, ${havre.messagesUndelivered} lost, ${havre.errorCount} errors: ` +
    (met ? 'MET' : 'NOT MET');
  return { met, line };
}

/** Timelines, GC pauses, and whatever went wrong in one run. */
function notesOn(r: LoadResult): string[] {
  const notes = [
    `${r.target}: worst delivery latency per 5 s of the steady state (ms): ${r.worstLatencyPer5sMs.join(' ')}`,
    `${r.target}: server RSS every 5 s of the steady state (MiB): ${r.serverRssPer5sMiB.join(' ')}`,
  ];
  const trend = rssTrend(r.serverRssPer5sMiB, 5);
  if (trend) {
    notes.push(
      `${r.target}: RSS ${trend.firstThirdMeanMiB} → ${trend.lastThirdMeanMiB} MiB (first → last third), ` +
        `${trend.lastHalfSlopeMiBPerMin} MiB/min over the last half: ` +
        (Math.abs(trend.lastHalfSlopeMiBPerMin) < 0.5 ? 'a plateau' : 'STILL MOVING'),
    );
  }
  const gc = r.serverGcPauses;
  if (gc) {
    notes.push(
      `${r.target}: GC pauses in the steady state: ${gc.count}, ${gc.totalMs} ms in all, longest ${gc.maxMs} ms` +
        (gc.long.length > 0 ? `; ≥ 20 ms: ${gc.long.map((p) => `${p.kind} ${p.ms} ms at ${p.atS} s`).join(', ')}` : ''),
    );
  }
  if (r.serverStoppedByItself) notes.push(`${r.target}: the server process STOPPED BY ITSELF during the run`);
  if (r.rampNote) notes.push(`${r.target}: ${r.rampNote}`);
  const counted = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, v]) => `${v}× ${k}`)
      .join('; ');
  if (Object.keys(r.rampFailures).length > 0) notes.push(`${r.target} ramp failures: ${counted(r.rampFailures)}`);
  if (r.errorCount > 0) notes.push(`${r.target} errors: ${counted(r.errors)}`);
  return notes;
}

function printProfile(summary: ProfileSummary): void {
  const out = [
    '',
    `Havre CPU profile (${summary.scope}, ${summary.sampledSeconds} s sampled; ${summary.file})`,
    '  by library:',
    ...summary.categories.map((c) => `    ${String(c.percent).padStart(5)} %  ${c.name}`),
    '  by function (self time):',
    ...summary.functions.map((f) => `    ${String(f.percent).padStart(5)} %  ${f.name}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function jsonLine(
  options: Options,
  havre: HavreBench | null,
  relay: LoadResult | null,
  ratios: Ratios | null,
  targetMet: boolean | null,
): string {
  // The steady-state window on the profiler's clock is only needed for the profile.
  const strip = (r: LoadResult | null) => (r ? { ...r, window: undefined } : null);
  return `${JSON.stringify({
    db: options.db,
    conversations: options.conversations,
    durationSeconds: options.durationS,
    intervalSeconds: options.intervalS,
    cores: availableParallelism(),
    node: process.version,
    havre: strip(havre?.result ?? null),
    relay: strip(relay),
    havreOverRelay: ratios,
    target: options.havre ? { ...TARGETS[options.db], met: targetMet } : undefined,
    profile: havre?.profile ?? undefined,
  })}\n`;
}
