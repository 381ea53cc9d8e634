// Statistics benchmark: `npm run bench:stats -- [--db pglite|postgres|both] [--conversations N]`. A year of
// synthetic activity (by default 52,000 conversations over the default opening hours, a national line's
// load, plus visits while closed) is counted through the real recorder, as the running service counts it,
// and written by its job; then the statistics page's query (a month, a year), the CSV (a year) and the
// funders' report (the page's query plus the planner, a year) are timed over HTTP, p50/p99 ms, on each
// database. It prints figures and asserts nothing. Loopback only; everything stops on success, error, Ctrl-C
// or overrun.
import { parseArgs } from 'node:util';
import { spendBudget } from '../src/core/planning/planner.ts';
import type { StatisticsResponse } from '../src/protocol/statistics-schema.ts';
import type { ConversationRow } from '../src/server/storage/schema.ts';
import { aCounselor } from '../test/support/clients.ts';
import { startTestServer } from '../test/support/server.ts';
import type { StorageKind } from '../test/support/storage.ts';
import { measuredPlanInputs } from '../web/console/statistics-model.ts';
import { benchMain, onCleanUp, runCleanly } from './load/clean-up.ts';
import { progress } from './load/progress.ts';
import { quantiles } from './load/stats.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const usage = 'npm run bench:stats -- [--db pglite|postgres|both (default both)] [--conversations N (default 52000)]';

interface Options {
  kinds: StorageKind[];
  conversations: number;
}

function parse(): Options | null {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      conversations: { type: 'string', default: '52000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const kinds: StorageKind[] =
    values.db === 'both'
      ? ['pglite', 'postgres']
      : values.db === 'pglite' || values.db === 'postgres'
        ? [values.db]
        : [];
  if (kinds.length === 0) throw new Error('--db: pglite, postgres or both');
  const conversations = Number(values.conversations);
  if (!Number.isInteger(conversations) || conversations < 100 || conversations > 1_000_000) {
    throw new Error('--conversations: 100 to 1,000,000');
  }
  return { kinds, conversations };
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The year before 2 December 2026, the test server's day. */
const YEAR_END = Date.parse('2026-12-02T00:00:00Z');
const YEAR_START = YEAR_END - 364 * 24 * HOUR;
/** The default opening hours in UTC (Paris is UTC+1 in winter; close enough for a load). */
const OPEN: Record<number, number[]> = { 1: [14, 15], 2: [14, 15], 3: [13, 14, 15, 16] };

/** A small seeded generator, so that two runs count the same year. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/** The open hours of the year, and a conversation row for each of `total` arrivals spread over them. */
function* syntheticYear(total: number): Generator<{ kind: 'row'; row: ConversationRow } | { kind: 'visit'; at: Date }> {
  const next = random(42);
  const openHours: number[] = [];
  for (let at = YEAR_START; at < YEAR_END; at += HOUR) {
    const date = new Date(at);
    if (OPEN[date.getUTCDay()]?.includes(date.getUTCHours())) openHours.push(at);
  }
  for (let n = 0; n < total; n++) {
    const hour = openHours[Math.floor(next() * openHours.length)] ?? YEAR_START;
    const created = new Date(hour + next() * HOUR);
    const base = { created_at: created, handed_back_at: null, closed_reason: null } as unknown as ConversationRow;
    yield { kind: 'row', row: { ...base, status: 'waiting' } };
    const fate = next();
    if (fate < 0.3) {
      const assigned = new Date(created.getTime() + next() * 20 * MINUTE);
      yield { kind: 'row', row: { ...base, status: 'active', assigned_at: assigned } };
      const closed = new Date(assigned.getTime() + (10 + next() * 40) * MINUTE);
      yield {
        kind: 'row',
        row: { ...base, status: 'closed', assigned_at: assigned, closed_at: closed, closed_reason: 'served' },
      };
    } else {
      const closed = new Date(created.getTime() + next() * 30 * MINUTE);
      const reason = fate < 0.9 ? 'abandoned_in_queue' : 'turned_away_at_closing';
      yield {
        kind: 'row',
        row: { ...base, status: 'closed', assigned_at: null, closed_at: closed, closed_reason: reason },
      };
    }
  }
  // The demand nobody sees: a visit while closed, about one an hour at any hour.
  for (let at = YEAR_START; at < YEAR_END; at += HOUR) if (next() < 0.8) yield { kind: 'visit', at: new Date(at) };
}

async function timed(label: string, runs: number, call: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  const { p50, p99 } = quantiles(times);
  say(`  ${label.padEnd(46)} p50 ${String(p50).padStart(7)} ms   p99 ${String(p99).padStart(7)} ms   (${runs} runs)`);
}

async function benchKind(kind: StorageKind, conversations: number): Promise<void> {
  const server = await startTestServer(kind);
  onCleanUp(() => server.stop());
  const { statistics, statisticsJob, db } = server.havre;
  progress(`${kind}: counting a year of ${conversations} conversations`);
  let events = 0;
  for (const event of syntheticYear(conversations)) {
    if (event.kind === 'row') statistics.conversation(event.row);
    else statistics.add('visit.closed', 1, event.at);
    events += 1;
  }
  const writeStart = performance.now();
  await statisticsJob.flush();
  const writeMs = performance.now() - writeStart;
  const rows = await db
    .selectFrom('stats_hours')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  say(
    `${kind}: ${conversations} conversations, ${events} events counted; ${rows?.n} hourly rows written in ${Math.round(writeMs)} ms`,
  );

  const supervisor = await aCounselor(server, { role: 'supervisor', available: false });
  onCleanUp(async () => supervisor.close());
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie: supervisor.cookie } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return path.includes('.csv') ? response.text() : response.json();
  };
  const year = 'from=2025-12-03&until=2026-12-02';
  const month = 'from=2026-11-02&until=2026-12-01';
  const sample = (await get(`/api/statistics?${year}`)) as StatisticsResponse;
  say(
    `  the year: ${sample.view.headline.requests} requests, ${sample.view.headline.answered} answered, ` +
      `median wait ${sample.view.headline.medianWaitMinutes?.toFixed(1)} min`,
  );
  await timed('statistics page, a month', 30, () => get(`/api/statistics?${month}`));
  await timed('statistics page, a year', 30, () => get(`/api/statistics?${year}`));
  await timed('CSV, a year', 10, () => get(`/api/statistics.csv?${year}`));
  await timed('funders’ report, a year (query + planner)', 10, async () => {
    const response = (await get(`/api/statistics?${year}`)) as StatisticsResponse;
    spendBudget(measuredPlanInputs(response), 14_000);
  });
}

async function bench({ kinds, conversations }: Options): Promise<number> {
  return runCleanly(15 * 60_000, async () => {
    for (const kind of kinds) await benchKind(kind, conversations);
  });
}

benchMain(parse, usage, bench);
