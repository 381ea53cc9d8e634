// The load benchmark's command-line options, their defaults and bounds, and the targets Havre is held to.
import { parseArgs } from 'node:util';

/** What Havre should hold on each database: this many conversations at once, with this p99 latency. */
export const TARGETS = {
  pglite: { conversations: 300, p99Ms: 50 },
  // Issue 14: one node on PostgreSQL, 2,000 conversations at p99 ≤ 30 ms (the default run stays at 1,000).
  postgres: { conversations: 2000, p99Ms: 30 },
} as const;

export const usage = `Usage: npm run bench -- [options]

  --db pglite|postgres     database behind Havre (default pglite: embedded, in a temporary folder)
  --conversations N        concurrent conversations (default 300 with pglite, 1000 with postgres)
  --duration SECONDS       steady state after the ramp-up (default 60)
  --soak                   a 15-minute steady state (unless --duration says otherwise), to see whether the
                           server's memory settles: the report says its trend over the last half
  --interval SECONDS       each side writes one message this often (default 5)
  --batch N                conversations opened at a time during the ramp-up (default 20)
  --postgres-url URL       server where a fresh database havre_bench_<random> is created and then dropped
                           (default postgres://postgres@127.0.0.1:5432/postgres)
  --pool-size N            DATABASE_POOL_SIZE given to Havre with postgres (default 20)
  --nodes N                Havre as a cluster of N nodes (2 or 3; needs --db postgres): a Redis of the bench's own
                           (nothing on disk), each visitor on one node and her counselor on the next; CPU is
                           summed over the nodes, and Redis's is shown beside PostgreSQL's
  --skip-relay             run Havre only
  --relay-only             run the bare Socket.IO relay only
  --profile                run Havre under --cpu-prof and print where its CPU time went in the steady state
  --trace-gc               run Havre under --trace-gc and report its garbage-collection pauses
  --help                   this text

It prints a table and, last, one JSON line with every figure.`;

export interface Options {
  db: 'pglite' | 'postgres';
  conversations: number;
  durationS: number;
  intervalS: number;
  batch: number;
  postgresUrl: string;
  poolSize: number;
  nodes: number;
  havre: boolean;
  relay: boolean;
  profile: boolean;
  traceGc: boolean;
}

/** The options of this run, or null when --help asks for the usage text; throws on a wrong option. */
export function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'pglite' },
      conversations: { type: 'string' },
      duration: { type: 'string' },
      soak: { type: 'boolean', default: false },
      interval: { type: 'string', default: '5' },
      batch: { type: 'string', default: '20' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      'pool-size': { type: 'string', default: '20' },
      nodes: { type: 'string', default: '1' },
      'skip-relay': { type: 'boolean', default: false },
      'relay-only': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'trace-gc': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  if (values.db !== 'pglite' && values.db !== 'postgres') throw new Error('--db must be pglite or postgres');
  if (values['skip-relay'] && values['relay-only']) throw new Error('--skip-relay and --relay-only exclude each other');
  const nodes = Math.round(positive('nodes', values.nodes, 3));
  if (nodes > 1 && values.db !== 'postgres') throw new Error('--nodes above 1 needs --db postgres');
  return {
    db: values.db,
    conversations: Math.round(
      positive('conversations', values.conversations ?? (values.db === 'postgres' ? '1000' : '300'), 5000),
    ),
    durationS: positive('duration', values.duration ?? (values.soak ? '900' : '60'), 3600),
    intervalS: positive('interval', values.interval, 600),
    batch: Math.round(positive('batch', values.batch, 500)),
    postgresUrl: values['postgres-url'],
    poolSize: Math.round(positive('pool-size', values['pool-size'], 200)),
    nodes,
    havre: !values['relay-only'],
    relay: !values['skip-relay'],
    profile: values.profile,
    traceGc: values['trace-gc'],
  };
}

function positive(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number in (0, ${max}]`);
  return n;
}
