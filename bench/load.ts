// Load benchmark: `npm run bench` (see --help). Many socket.io-client pairs, a visitor and a counselor per
// conversation, each writing one message every 5 s; it prints the conversations held, messages per second,
// visitor → counselor latency, the server's memory, and the same load through a bare Socket.IO relay
// (bench/bare-relay.ts) for comparison. It measures and prints; it asserts nothing.
//
// Havre and the relay run in child processes, so that their memory and CPU can be read from /proc; the load
// generator runs here. The database is prepared directly beforehand (open hours all week, one conversation per
// counselor, N counselors with a live session each), so that no login round trip is needed. Everything this
// script starts (processes, sockets, the temporary folder, the PostgreSQL database) is stopped or removed by
// it, also on error or Ctrl-C. It only ever connects to 127.0.0.1 (and to --postgres-url).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { weekdays } from '../src/protocol/schemas.ts';
import { systemClock } from '../src/server/clock.ts';
import { createLogger } from '../src/server/logger.ts';
import { hashPassword } from '../src/server/services/passwords.ts';
import { SESSION_COOKIE, signSessionId } from '../src/server/services/session-cookie.ts';
import { createSettings } from '../src/server/services/settings.ts';
import { SESSION_HOURS } from '../src/server/services/staff-accounts.ts';
import { hashToken, newToken } from '../src/server/services/tokens.ts';
import { type DatabaseTarget, openDatabase } from '../src/server/storage/database.ts';
import { createSettingsRepository } from '../src/server/storage/settings-repository.ts';

const ROOT = resolve(import.meta.dirname, '..');
const HOST = '127.0.0.1';
/** An acknowledgement or an awaited event later than this counts as a failure. */
const ACK_TIMEOUT_MS = 10_000;
/** After the steady state, how long messages still in flight may take to arrive before counting as lost. */
const DRAIN_MS = 10_000;
/** Pause between the end of the ramp-up and the steady state, for the queue broadcasts to settle. */
const SETTLE_MS = 2_000;
const LOOP_RESOLUTION_MS = 10;
const TIMELINE_SLICE_MS = 5_000;
const MESSAGE_PADDING = 'Je ne sais pas trop par où commencer, mais merci de me répondre.';
const TARGETS = {
  pglite: { conversations: 300, p99Ms: 50 },
  postgres: { conversations: 1000, p99Ms: 30 },
} as const;

const usage = `Usage: npm run bench -- [options]

  --db pglite|postgres     database behind Havre (default pglite: embedded, in a temporary folder)
  --conversations N        concurrent conversations (default 300 with pglite, 1000 with postgres)
  --duration SECONDS       steady state after the ramp-up (default 60)
  --interval SECONDS       each side writes one message this often (default 5)
  --batch N                conversations opened at a time during the ramp-up (default 20)
  --postgres-url URL       server where a fresh database havre_bench_<random> is created and then dropped
                           (default postgres://postgres@127.0.0.1:5432/postgres)
  --pool-size N            DATABASE_POOL_SIZE given to Havre with postgres (default 20)
  --skip-relay             run Havre only
  --relay-only             run the bare Socket.IO relay only
  --profile                run Havre under --cpu-prof and print where its CPU time went in the steady state
  --trace-gc               run Havre under --trace-gc and report its garbage-collection pauses
  --help                   this text

It prints a table and, last, one JSON line with every figure.`;

interface Options {
  db: 'pglite' | 'postgres';
  conversations: number;
  durationS: number;
  intervalS: number;
  batch: number;
  postgresUrl: string;
  poolSize: number;
  havre: boolean;
  relay: boolean;
  profile: boolean;
  traceGc: boolean;
}

function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'pglite' },
      conversations: { type: 'string' },
      duration: { type: 'string', default: '60' },
      interval: { type: 'string', default: '5' },
      batch: { type: 'string', default: '20' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      'pool-size': { type: 'string', default: '20' },
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
  const positive = (name: string, value: string, max: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number in (0, ${max}]`);
    return n;
  };
  if (values['skip-relay'] && values['relay-only']) throw new Error('--skip-relay and --relay-only exclude each other');
  return {
    db: values.db,
    conversations: Math.round(
      positive('conversations', values.conversations ?? String(TARGETS[values.db].conversations), 5000),
    ),
    durationS: positive('duration', values.duration, 3600),
    intervalS: positive('interval', values.interval, 600),
    batch: Math.round(positive('batch', values.batch, 500)),
    postgresUrl: values['postgres-url'],
    poolSize: Math.round(positive('pool-size', values['pool-size'], 200)),
    havre: !values['relay-only'],
    relay: !values['skip-relay'],
    profile: values.profile,
    traceGc: values['trace-gc'],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Clean-up of everything started, in reverse order, on success, error or signal.

const cleanups: (() => Promise<void>)[] = [];
const children = new Set<ChildProcess>();
/** Children being stopped on purpose, whose exit is expected. */
const stopping = new WeakSet<ChildProcess>();
const openSockets = new Set<Socket>();

async function cleanUp(): Promise<void> {
  for (const socket of openSockets) socket.disconnect();
  openSockets.clear();
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    await step?.().catch((error: unknown) => progress(`clean-up step failed: ${String(error)}`));
  }
}

process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------------------
// Child processes: Havre or the relay, their logs, memory and CPU.

interface Child {
  name: string;
  process: ChildProcess;
  url: string;
  warnings: string[];
  /** Garbage-collection pauses, when the child runs with --trace-gc. */
  gcPauses: { at: number; kind: string; ms: number }[];
  exited: Promise<void>;
}

/** A --trace-gc line: `[pid:0x…]  1234 ms: Scavenge 10.1 (12.0) -> 9.8 (13.0) MB, pooled: 0 MB, 1.23 / 0.00 ms …` */
const GC_LINE = /\d+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)\b.*?, ([\d.]+) \/ [\d.]+ ms/;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, done);
  });
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function startChild(name: string, nodeArgs: string[], env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.HAVRE_SECRET;
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: { ...inherited, ...env, PORT: String(port), HOST },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  const warnings: string[] = [];
  const gcPauses: Child['gcPauses'] = [];
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (!stopping.has(child)) progress(`${name} stopped by itself: exit code ${code}, signal ${signal}`);
      done();
    }),
  );
  const keep = (line: string) => {
    if (warnings.length < 200) warnings.push(line);
    if (warnings.length <= 10) process.stderr.write(`[${name}] ${line.slice(0, 4000)}\n`);
  };
  // Havre logs JSON lines; keep warnings and errors, drop the rest (such as the one-time set-up link).
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const gc = GC_LINE.exec(line);
    if (gc) {
      gcPauses.push({ at: performance.now(), kind: gc[1] ?? '', ms: Number(gc[2]) });
      return;
    }
    if (!line.startsWith('{')) return;
    try {
      if (((JSON.parse(line) as { level?: number }).level ?? 0) >= 40) keep(line);
    } catch {
      keep(line);
    }
  });
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', keep);
  const url = `http://${HOST}:${port}`;
  // Open hours are 00:00–23:59 every day: in the last minute of a Paris day the chat says closed; wait it out.
  const deadline = Date.now() + 120_000;
  let saidClosed = false;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} stopped while starting:\n${warnings.join('\n')}`);
    }
    const status = await fetch(`${url}/api/status`, { signal: AbortSignal.timeout(2000) })
      .then((response) => (response.ok ? (response.json() as Promise<{ status?: { open?: boolean } }>) : null))
      .catch(() => null);
    if (status?.status?.open) break;
    if (status && !saidClosed) {
      saidClosed = true;
      progress(`${name} answers but says the chat is closed (23:59 in Paris?); waiting for it to open`);
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready and open within 120 s`);
    await sleep(200);
  }
  return { name, process: child, url, warnings, gcPauses, exited };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  stopping.add(child.process);
  child.process.kill('SIGTERM');
  child.process.stdin?.end();
  const stopped = await Promise.race([child.exited.then(() => true), sleep(20_000).then(() => false)]);
  if (!stopped) {
    progress(`${child.name} did not stop within 20 s; killing it`);
    child.process.kill('SIGKILL');
    await child.exited;
  }
}

function rssKiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) used so far by a process. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of proc(5), utime and stime, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
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
    const seconds = cpuSeconds(Number(entry));
    if (seconds !== null) cpu.set(Number(entry), seconds);
  }
  return cpu;
}

/** CPU seconds that PostgreSQL processes used between two samples (a backend gone in between is missed). */
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

function highWaterKiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Samples a process's resident memory every 250 ms from now on. It first waits (at most 10 s) for the memory
 * to settle, because start-up (PGlite above all) briefly takes far more than it keeps.
 */
async function sampleMemory(pid: number) {
  let previous = rssKiB(pid) ?? 0;
  for (let i = 0; i < 20; i += 1) {
    await sleep(500);
    const now = rssKiB(pid) ?? 0;
    if (Math.abs(now - previous) < 2048) break;
    previous = now;
  }
  const samples = { idleKiB: rssKiB(pid) ?? 0, peakKiB: rssKiB(pid) ?? 0, endKiB: 0 };
  const timer = setInterval(() => {
    const kib = rssKiB(pid);
    if (kib === null) return;
    samples.peakKiB = Math.max(samples.peakKiB, kib);
    samples.endKiB = kib;
  }, 250);
  return { samples, stop: () => clearInterval(timer) };
}

/** Share of the machine's CPU time that was busy over a short while, before any load: other work on it. */
async function backgroundBusyPercent(ms = 2000): Promise<number> {
  const before = machineTicks();
  await sleep(ms);
  const after = machineTicks();
  return round((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total));
}

// ---------------------------------------------------------------------------------------------------------
// Havre's database, prepared before the server starts.

async function prepareDatabase(target: DatabaseTarget, count: number, secret: string): Promise<string[]> {
  const { db, close } = await openDatabase(target, createLogger('warn'));
  try {
    const settings = createSettings({ repository: createSettingsRepository(db), clock: systemClock });
    await settings.update({
      schedule: {
        timeZone: 'Europe/Paris',
        slots: weekdays.map((day) => ({ day, start: '00:00', end: '23:59' })),
        closures: [],
      },
      maxConversationsPerCounselor: 1,
    });
    // One argon2 hash for everybody: nobody logs in with a password here, and 1,000 hashes take a minute.
    const passwordHash = await hashPassword(newToken());
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    const cookies: string[] = [];
    for (let first = 0; first < count; first += 250) {
      const staff = [];
      const sessions = [];
      for (let i = first; i < Math.min(count, first + 250); i += 1) {
        const id = randomUUID();
        const sessionId = newToken();
        staff.push({
          id,
          username: `bench-${i}`,
          display_name: `Bench ${i}`,
          role: 'counselor' as const,
          password_hash: passwordHash,
          created_at: now,
        });
        sessions.push({ id_hash: hashToken(sessionId), staff_id: id, created_at: now, expires_at: expiresAt });
        cookies.push(`${SESSION_COOKIE}=${encodeURIComponent(signSessionId(sessionId, secret))}`);
      }
      await db.insertInto('staff').values(staff).execute();
      await db.insertInto('staff_sessions').values(sessions).execute();
    }
    return cookies;
  } finally {
    await close();
  }
}

async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `havre_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------------------
// The load: pairs of clients, ramped up in batches, then a steady state of timed messages.

interface CounselorClient {
  socket: Socket;
  conversationId: string | null;
}

interface Pair {
  counselor: CounselorClient;
  visitor: Socket;
  conversationId: string;
  closed: boolean;
  lastToCounselor: number;
  lastToVisitor: number;
}

interface InFlight {
  at: number;
  pair: Pair;
  fromVisitor: boolean;
}

interface Answer {
  ok: boolean;
  error?: { code: string };
  conversation?: { id: string };
}

class Counts {
  readonly map = new Map<string, number>();
  add(key: string, n = 1) {
    this.map.set(key, (this.map.get(key) ?? 0) + n);
  }
  toJSON() {
    return Object.fromEntries(this.map);
  }
  total() {
    let sum = 0;
    for (const n of this.map.values()) sum += n;
    return sum;
  }
}

function quantiles(values: number[]) {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? 0) };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function waitFor<T>(socket: Socket, event: string, ms = ACK_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((done, fail) => {
    const timer = setTimeout(() => finish(new Error(`no ${event} within ${ms} ms`)), ms);
    const onEvent = (payload: T) => finish(null, payload);
    const onError = (error: Error) => finish(new Error(`connect_error: ${error.message}`));
    const onDisconnect = (reason: string) => finish(new Error(`disconnected: ${reason}`));
    function finish(error: Error | null, payload?: T) {
      clearTimeout(timer);
      socket.off(event, onEvent);
      socket.off('connect_error', onError);
      socket.off('disconnect', onDisconnect);
      if (error) fail(error);
      else done(payload as T);
    }
    socket.once(event, onEvent);
    socket.once('connect_error', onError);
    socket.once('disconnect', onDisconnect);
  });
}

async function ask(socket: Socket, event: string, payload: unknown): Promise<Answer> {
  const answer = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Answer;
  if (!answer?.ok) throw new Error(`${event}: ${answer?.error?.code ?? 'no answer'}`);
  return answer;
}

function connectSocket(url: string, cookie: string | null): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    // Each client is a different person: never share one connection between them.
    forceNew: true,
    // A dropped socket is a failure to count, not something to hide by reconnecting.
    reconnection: false,
    timeout: ACK_TIMEOUT_MS,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  openSockets.add(socket);
  return socket;
}

interface LoadTarget {
  name: string;
  child: Child;
  cookies: string[] | null;
  databaseUrl?: string;
}

async function runLoad(target: LoadTarget, options: Options) {
  const { child } = target;
  const pid = child.process.pid ?? 0;
  const alive = () => child.process.exitCode === null && child.process.signalCode === null;
  const backgroundBusy = await backgroundBusyPercent();
  const memory = await sampleMemory(pid);
  const interval = options.intervalS * 1000;
  const errors = new Counts();
  const rampFailures = new Counts();
  let disconnects = 0;
  const inFlight = new Map<string, InFlight>();
  const greetings = new Map<string, (visitor: Socket) => void>();
  const pairOfVisitor = new Map<Socket, Pair>();
  const pairs: Pair[] = [];
  const latency = { toCounselor: [] as number[], toVisitor: [] as number[] };
  const ackLatency = { visitor: [] as number[], counselor: [] as number[] };
  const sent = { visitor: 0, counselor: 0 };
  let pendingAcks = 0;
  let steady = false;
  let windowStart = Number.POSITIVE_INFINITY;
  /** The worst delivery latency (both ways) of the messages sent in each slice of the steady state. */
  const timeline: number[] = [];

  const delivered = (clientId: string, toVisitor: boolean) => {
    const record = inFlight.get(clientId);
    // Each side also receives its own messages back; only the other side's copy counts.
    if (!record || record.fromVisitor === toVisitor) return;
    const now = performance.now();
    inFlight.delete(clientId);
    const slice = Math.floor((record.at - windowStart) / TIMELINE_SLICE_MS);
    if (slice >= 0) timeline[slice] = Math.max(timeline[slice] ?? 0, now - record.at);
    if (toVisitor) {
      latency.toVisitor.push(now - record.at);
      record.pair.lastToVisitor = now;
    } else {
      latency.toCounselor.push(now - record.at);
      record.pair.lastToCounselor = now;
    }
  };

  const onDisconnect = () => {
    if (steady) disconnects += 1;
  };

  const openCounselor = async (cookie: string | null): Promise<CounselorClient> => {
    const socket = connectSocket(`${child.url}/staff`, cookie);
    const counselor: CounselorClient = { socket, conversationId: null };
    socket.on('message:new', (event: { message: { clientId: string } }) => delivered(event.message.clientId, false));
    socket.on('conversation:update', (conversation: { id: string; status: string }) => {
      if (conversation.status === 'closed') {
        const pair = pairs.find((p) => p.conversationId === conversation.id);
        if (pair) pair.closed = true;
      }
    });
    socket.on('disconnect', onDisconnect);
    await waitFor(socket, 'staff:state');
    await ask(socket, 'presence:set', { status: 'available' });
    return counselor;
  };

  const openVisitor = async (): Promise<Socket> => {
    const socket = connectSocket(`${child.url}/visitor`, null);
    socket.on('message:new', (message: { clientId: string }) => {
      const greeted = greetings.get(message.clientId);
      if (greeted) {
        greetings.delete(message.clientId);
        greeted(socket);
      } else {
        delivered(message.clientId, true);
      }
    });
    socket.on('conversation:state', (state: { status: string }) => {
      const pair = pairOfVisitor.get(socket);
      if (pair && state.status === 'closed') pair.closed = true;
    });
    socket.on('disconnect', onDisconnect);
    await waitFor(socket, 'connect');
    await ask(socket, 'conversation:start', {});
    return socket;
  };

  /** The counselor takes a visitor and greets her; the visitor who receives the greeting is her pair. */
  const takeAndGreet = async (counselor: CounselorClient): Promise<Pair> => {
    const answer = await ask(counselor.socket, 'queue:take-next', {});
    const conversationId = answer.conversation?.id;
    if (!conversationId) throw new Error('queue:take-next: no conversation id');
    counselor.conversationId = conversationId;
    const clientId = randomUUID();
    const visitor = new Promise<Socket>((done, fail) => {
      const timer = setTimeout(() => {
        greetings.delete(clientId);
        fail(new Error(`greeting not received within ${ACK_TIMEOUT_MS} ms`));
      }, ACK_TIMEOUT_MS);
      greetings.set(clientId, (socket) => {
        clearTimeout(timer);
        done(socket);
      });
    });
    await ask(counselor.socket, 'message:send', { conversationId, clientId, text: 'Bonjour, je vous écoute.' });
    const socket = await visitor;
    const pair: Pair = {
      counselor,
      visitor: socket,
      conversationId,
      closed: false,
      lastToCounselor: 0,
      lastToVisitor: 0,
    };
    pairOfVisitor.set(socket, pair);
    return pair;
  };

  const failed = (results: PromiseSettledResult<unknown>[]) => {
    for (const result of results) {
      if (result.status === 'rejected') rampFailures.add(String((result.reason as Error)?.message ?? result.reason));
    }
  };
  const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
    results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));

  // Ramp-up, in batches: counselors connect and become available, visitors start, counselors take and greet.
  const rampStart = performance.now();
  const rampDeadline = rampStart + 30_000 + 250 * options.conversations;
  let rampNote = '';
  for (let first = 0; first < options.conversations; first += options.batch) {
    if (!alive()) {
      rampNote = `the server stopped during the ramp-up, after ${pairs.length} conversations`;
      break;
    }
    if (performance.now() > rampDeadline) {
      rampNote = `ramp-up stopped by its deadline after ${pairs.length} conversations`;
      progress(rampNote);
      break;
    }
    const size = Math.min(options.batch, options.conversations - first);
    const cookies = Array.from({ length: size }, (_, i) => target.cookies?.[first + i] ?? null);
    const counselorResults = await Promise.allSettled(cookies.map(openCounselor));
    failed(counselorResults);
    const counselors = fulfilled(counselorResults);
    const visitorResults = await Promise.allSettled(counselors.map(() => openVisitor()));
    failed(visitorResults);
    const pairResults = await Promise.allSettled(counselors.map(takeAndGreet));
    failed(pairResults);
    pairs.push(...fulfilled(pairResults));
    if ((first / options.batch) % 5 === 4 || first + size >= options.conversations) {
      progress(
        `${target.name}: ${pairs.length}/${options.conversations} conversations open (${round((performance.now() - rampStart) / 1000)} s)`,
      );
    }
  }
  const rampSeconds = (performance.now() - rampStart) / 1000;
  // Sockets of a half-open pair (a counselor with nobody, a visitor left waiting) take no part in the load.
  const paired = new Set<Socket>(pairs.flatMap((pair) => [pair.visitor, pair.counselor.socket]));
  for (const socket of openSockets) {
    if (!paired.has(socket)) {
      socket.disconnect();
      openSockets.delete(socket);
    }
  }
  await sleep(SETTLE_MS);

  // Steady state: every side writes every `interval`, with a random phase so that sends spread evenly.
  const send = (pair: Pair, fromVisitor: boolean) => {
    const socket = fromVisitor ? pair.visitor : pair.counselor.socket;
    if (!steady) return;
    if (!socket.connected) {
      errors.add('send skipped: socket disconnected');
      return;
    }
    const clientId = randomUUID();
    const at = performance.now();
    const text = `${fromVisitor ? 'v' : 'c'} t=${(performance.timeOrigin + at).toFixed(1)} ${MESSAGE_PADDING}`;
    inFlight.set(clientId, { at, pair, fromVisitor });
    pendingAcks += 1;
    if (fromVisitor) sent.visitor += 1;
    else sent.counselor += 1;
    const payload = fromVisitor ? { clientId, text } : { conversationId: pair.conversationId, clientId, text };
    socket.timeout(ACK_TIMEOUT_MS).emit('message:send', payload, (error: Error | null, answer?: Answer) => {
      pendingAcks -= 1;
      if (error) errors.add('ack timeout');
      else if (!answer?.ok) errors.add(`ack ${answer?.error?.code ?? 'malformed'}`);
      else (fromVisitor ? ackLatency.visitor : ackLatency.counselor).push(performance.now() - at);
    });
  };

  const timers: NodeJS.Timeout[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const before = {
    serverCpu: cpuSeconds(pid),
    ownCpu: process.cpuUsage(),
    machine: machineTicks(),
    postgresCpu: target.databaseUrl ? postgresCpu() : null,
  };
  windowStart = performance.now();
  const rssTimeline: number[] = [];
  const rssTimer = setInterval(() => rssTimeline.push(round((rssKiB(pid) ?? 0) / 1024, 0)), TIMELINE_SLICE_MS);
  const windowStartMicros = Number(process.hrtime.bigint() / 1000n);
  steady = true;
  loopDelay.enable();
  for (const pair of pairs) {
    for (const fromVisitor of [true, false]) {
      timers.push(
        setTimeout(() => {
          send(pair, fromVisitor);
          timers.push(setInterval(() => send(pair, fromVisitor), interval));
        }, Math.random() * interval),
      );
    }
  }
  progress(`${target.name}: steady state, ${pairs.length} conversations for ${options.durationS} s`);
  // The steady state ends early if the server stops by itself.
  let endSteady = () => {};
  const steadyTimer = new Promise<void>((done) => {
    const timer = setTimeout(done, options.durationS * 1000);
    endSteady = () => {
      clearTimeout(timer);
      done();
    };
  });
  void child.exited.then(endSteady);
  await steadyTimer;
  steady = false;
  for (const timer of timers) clearTimeout(timer);
  const windowEnd = performance.now();
  clearInterval(rssTimer);
  const windowEndMicros = Number(process.hrtime.bigint() / 1000n);
  loopDelay.disable();
  const after = {
    serverCpu: cpuSeconds(pid),
    ownCpu: process.cpuUsage(before.ownCpu),
    machine: machineTicks(),
    postgresCpu: target.databaseUrl ? postgresCpu() : null,
  };

  // Drain: messages still in flight may arrive; past DRAIN_MS they count as not delivered.
  const drainDeadline = performance.now() + DRAIN_MS;
  while ((inFlight.size > 0 || pendingAcks > 0) && performance.now() < drainDeadline) await sleep(100);
  const undelivered = inFlight.size;
  const heldSince = windowEnd - Math.min(options.durationS * 1000, 2 * interval);
  const held = pairs.filter(
    (pair) =>
      !pair.closed &&
      pair.visitor.connected &&
      pair.counselor.socket.connected &&
      pair.lastToCounselor >= heldSince &&
      pair.lastToVisitor >= heldSince,
  ).length;

  const seconds = (windowEnd - windowStart) / 1000;
  const deliveredCount = latency.toCounselor.length + latency.toVisitor.length;
  const machineTotal = after.machine.total - before.machine.total;
  const result = {
    target: target.name,
    conversationsRequested: options.conversations,
    conversationsOpened: pairs.length,
    conversationsHeld: held,
    serverStoppedByItself: !alive(),
    rampSeconds: round(rampSeconds),
    rampFailures: rampFailures.toJSON(),
    rampNote: rampNote || undefined,
    steadySeconds: round(seconds),
    messagesSent: sent.visitor + sent.counselor,
    messagesDelivered: deliveredCount,
    messagesUndelivered: undelivered,
    messagesPerSecond: round(deliveredCount / seconds),
    expectedMessagesPerSecond: round((2 * pairs.length) / options.intervalS),
    latencyVisitorToCounselorMs: quantiles(latency.toCounselor),
    latencyCounselorToVisitorMs: quantiles(latency.toVisitor),
    ackVisitorMs: quantiles(ackLatency.visitor),
    ackCounselorMs: quantiles(ackLatency.counselor),
    worstLatencyPer5sMs: Array.from(timeline, (ms) => round(ms ?? 0, 0)),
    serverRssPer5sMiB: rssTimeline,
    serverGcPauses: options.traceGc ? gcSummary(child.gcPauses, windowStart, windowEnd) : undefined,
    errors: errors.toJSON(),
    errorCount: errors.total(),
    disconnects,
    serverLogWarnings: child.warnings.length,
    serverRssMiB: {
      beforeLoad: round(memory.samples.idleKiB / 1024),
      peakUnderLoad: round(memory.samples.peakKiB / 1024),
      atEnd: round(memory.samples.endKiB / 1024),
      highWaterSinceStart: round((highWaterKiB(pid) ?? 0) / 1024),
    },
    serverCpuPercentOfOneCore:
      before.serverCpu !== null && after.serverCpu !== null
        ? round((100 * (after.serverCpu - before.serverCpu)) / seconds)
        : null,
    generatorCpuPercentOfOneCore: round((after.ownCpu.user + after.ownCpu.system) / 1e4 / seconds),
    // The histogram measures whole timer periods: the part beyond the resolution is the delay.
    generatorEventLoopDelayMs: {
      p99: round(Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS)),
      max: round(Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS)),
    },
    postgresCpuPercentOfOneCore:
      before.postgresCpu && after.postgresCpu
        ? round((100 * postgresCpuBetween(before.postgresCpu, after.postgresCpu)) / seconds)
        : null,
    machineCpuBusyBeforeLoadPercent: backgroundBusy,
    machineCpuBusyPercent:
      machineTotal > 0 ? round((100 * (after.machine.busy - before.machine.busy)) / machineTotal) : null,
    window: { startMicros: windowStartMicros, endMicros: windowEndMicros },
  };

  // What the rest of the machine (other programs) used meanwhile: it competes for the same cores.
  const othersCpuPercentOfOneCore =
    result.machineCpuBusyPercent !== null && result.serverCpuPercentOfOneCore !== null
      ? round(
          Math.max(
            0,
            result.machineCpuBusyPercent * availableParallelism() -
              result.serverCpuPercentOfOneCore -
              result.generatorCpuPercentOfOneCore -
              (result.postgresCpuPercentOfOneCore ?? 0),
          ),
        )
      : null;

  memory.stop();
  for (const socket of openSockets) socket.disconnect();
  openSockets.clear();
  return { ...result, othersCpuPercentOfOneCore };
}

type LoadResult = Awaited<ReturnType<typeof runLoad>>;

function gcSummary(pauses: Child['gcPauses'], start: number, end: number) {
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

// ---------------------------------------------------------------------------------------------------------
// The CPU profile of Havre's steady state, summed by function and by library.

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
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

function summariseProfile(file: string, window: { startMicros: number; endMicros: number }) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
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
  const byFunction = new Counts();
  const byCategory = new Counts();
  for (const [id, micros] of self) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url
      ? ` ${frame.url.replace(/^.*node_modules\//, '').replace(`file://${ROOT}/`, '')}:${frame.lineNumber + 1}`
      : '';
    const category = categoryOf(frame.url, frame.functionName);
    byFunction.add(`[${category}] ${frame.functionName || '(anonymous)'}${where}`, micros);
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

// ---------------------------------------------------------------------------------------------------------
// Report.

function printReport(options: Options, havre: LoadResult | null, relay: LoadResult | null) {
  const results = [havre, relay].filter((r): r is LoadResult => r !== null);
  const rows: [string, (r: LoadResult) => unknown][] = [
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
    ['server CPU, steady (% of a core)', (r) => r.serverCpuPercentOfOneCore],
    ['load generator CPU (% of a core)', (r) => r.generatorCpuPercentOfOneCore],
    ['PostgreSQL CPU (% of a core)', (r) => r.postgresCpuPercentOfOneCore],
    ['generator loop delay p99 (ms)', (r) => r.generatorEventLoopDelayMs.p99],
    [`machine CPU busy (% of ${availableParallelism()} cores)`, (r) => r.machineCpuBusyPercent],
    ['other programs, steady (% of a core)', (r) => r.othersCpuPercentOfOneCore],
    ['machine CPU busy before the load (%)', (r) => r.machineCpuBusyBeforeLoadPercent],
  ];
  const header = ['', ...results.map((r) => (r.target === 'havre' ? `Havre (${options.db})` : 'bare relay'))];
  const table = [header, ...rows.map(([label, get]) => [label, ...results.map((r) => String(get(r) ?? '–'))])];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const out: string[] = ['', line(table[0] ?? []), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const row of table.slice(1)) out.push(line(row));

  const ratios =
    havre && relay
      ? {
          p99Latency: ratio(havre.latencyVisitorToCounselorMs.p99, relay.latencyVisitorToCounselorMs.p99),
          p50Latency: ratio(havre.latencyVisitorToCounselorMs.p50, relay.latencyVisitorToCounselorMs.p50),
          peakRss: ratio(havre.serverRssMiB.peakUnderLoad, relay.serverRssMiB.peakUnderLoad),
          serverCpu: ratio(havre.serverCpuPercentOfOneCore, relay.serverCpuPercentOfOneCore),
        }
      : null;
  if (ratios) {
    out.push(
      '',
      `Havre / bare relay: p99 latency ×${ratios.p99Latency ?? '–'}, p50 latency ×${ratios.p50Latency ?? '–'}, ` +
        `peak RSS ×${ratios.peakRss ?? '–'}, server CPU ×${ratios.serverCpu ?? '–'}`,
    );
  }
  const goal = TARGETS[options.db];
  let targetMet: boolean | null = null;
  if (havre) {
    const p99 = havre.latencyVisitorToCounselorMs.p99;
    targetMet =
      havre.conversationsHeld >= goal.conversations &&
      p99 !== null &&
      p99 <= goal.p99Ms &&
      havre.messagesUndelivered === 0 &&
      havre.errorCount === 0;
    out.push(
      `Target (${options.db}): ≥ ${goal.conversations} conversations held with p99 ≤ ${goal.p99Ms} ms, nothing lost → ` +
        `${havre.conversationsHeld} held, p99 ${p99 ?? '–'} ms, ${havre.messagesUndelivered} lost, ${havre.errorCount} errors: ` +
        (targetMet ? 'MET' : 'NOT MET'),
    );
  }
  for (const r of results) {
    out.push(
      `${r.target}: worst delivery latency per 5 s of the steady state (ms): ${r.worstLatencyPer5sMs.join(' ')}`,
      `${r.target}: server RSS every 5 s of the steady state (MiB): ${r.serverRssPer5sMiB.join(' ')}`,
    );
    if (r.serverGcPauses) {
      const gc = r.serverGcPauses;
      out.push(
        `${r.target}: GC pauses in the steady state: ${gc.count}, ${gc.totalMs} ms in all, longest ${gc.maxMs} ms` +
          (gc.long.length > 0
            ? `; ≥ 20 ms: ${gc.long.map((p) => `${p.kind} ${p.ms} ms at ${p.atS} s`).join(', ')}`
            : ''),
      );
    }
    if (r.serverStoppedByItself) out.push(`${r.target}: the server process STOPPED BY ITSELF during the run`);
    if (r.rampNote) out.push(`${r.target}: ${r.rampNote}`);
    const failures = Object.entries(r.rampFailures);
    if (failures.length > 0)
      out.push(`${r.target} ramp failures: ${failures.map(([k, v]) => `${v}× ${k}`).join('; ')}`);
    if (r.errorCount > 0)
      out.push(
        `${r.target} errors: ${Object.entries(r.errors)
          .map(([k, v]) => `${v}× ${k}`)
          .join('; ')}`,
      );
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return { ratios, targetMet };
}

const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b, 2) : null);

function printProfile(summary: ReturnType<typeof summariseProfile>) {
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

// ---------------------------------------------------------------------------------------------------------

async function benchHavre(options: Options) {
  const dataDir = mkdtempSync(join(tmpdir(), 'havre-bench-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const secret = newToken();
  const databaseUrl = options.db === 'postgres' ? await createPostgresDatabase(options.postgresUrl) : null;
  progress(`preparing ${options.conversations} counselors in ${options.db}`);
  const cookies = await prepareDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize: 4 } : { kind: 'pglite', dataDir },
    options.conversations,
    secret,
  );
  const profileDir = join(dataDir, 'profile');
  const child = await startChild(
    'havre',
    [
      ...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ...(options.traceGc ? ['--trace-gc'] : []),
      'src/server/main.ts',
    ],
    {
      DATA_DIR: dataDir,
      HAVRE_SECRET: secret,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: String(options.poolSize),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  );
  const stop = () => stopChild(child);
  cleanups.push(stop);
  progress(`Havre (${options.db}) is listening at ${child.url}, pid ${child.process.pid}`);
  const result = await runLoad({ name: 'havre', child, cookies, databaseUrl: databaseUrl ?? undefined }, options);
  await stop();
  let profile: ReturnType<typeof summariseProfile> | null = null;
  if (options.profile) {
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (file) {
      // Kept out of the temporary folder, which is removed at the end.
      const kept = join(tmpdir(), `havre-bench-${Date.now()}.cpuprofile`);
      rmSync(kept, { force: true });
      copyFileSync(join(profileDir, file), kept);
      profile = summariseProfile(kept, result.window);
    } else {
      progress('no CPU profile was written');
    }
  }
  return { result, profile };
}

async function benchRelay(options: Options) {
  const child = await startChild('relay', ['bench/bare-relay.ts'], {});
  const stop = () => stopChild(child);
  cleanups.push(stop);
  progress(`bare relay is listening at ${child.url}, pid ${child.process.pid}`);
  const result = await runLoad({ name: 'relay', child, cookies: null }, options);
  await stop();
  return result;
}

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const { conversations, durationS, intervalS, batch } = options;
  // A bound on the whole run, whatever happens: ramp-ups, steady states, drains, start and stop of processes.
  const limitMs = 2 * (60_000 + 250 * conversations + (durationS + 60) * 1000) + 120_000;
  const watchdog = setTimeout(() => {
    progress(`the run exceeded ${Math.round(limitMs / 1000)} s; stopping`);
    cleanUp().finally(() => process.exit(1));
  }, limitMs);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping`);
      cleanUp().finally(() => process.exit(130));
    });
  }
  progress(
    `${conversations} conversations, ${durationS} s steady state, one message per side every ${intervalS} s, ramp-up by ${batch}`,
  );
  try {
    const havre = options.havre ? await benchHavre(options) : null;
    const relay = options.relay ? await benchRelay(options) : null;
    const { ratios, targetMet } = printReport(options, havre?.result ?? null, relay);
    if (havre?.profile) printProfile(havre.profile);
    const strip = (r: LoadResult | null) => (r ? { ...r, window: undefined } : null);
    process.stdout.write(
      `${JSON.stringify({
        db: options.db,
        conversations,
        durationSeconds: durationS,
        intervalSeconds: intervalS,
        cores: availableParallelism(),
        node: process.version,
        havre: strip(havre?.result ?? null),
        relay: strip(relay),
        havreOverRelay: ratios,
        target: options.havre ? { ...TARGETS[options.db], met: targetMet } : undefined,
        profile: havre?.profile ?? undefined,
      })}\n`,
    );
    return 0;
  } catch (error) {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
}

main().then((code) => process.exit(code));
