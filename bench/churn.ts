// Connection churn benchmark: `npm run bench:churn -- [--rounds N] [--visitors N] [--staff N] [--start]`.
// Havre runs in a child process on PGlite (in a temporary folder, with --expose-gc); each round connects the
// visitors and the staff (each with her own session cookie), waits until every one is in, disconnects them
// all and waits until the server holds none; then the server forces a full collection and reports its memory.
// A heap that keeps growing round after round is a leak; resident memory that plateaus while the heap comes
// back is the allocator keeping pages it once needed. It prints and asserts nothing. Loopback only; the child
// and the folder are removed on success, error, Ctrl-C or overrun.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { namespaces, staffEvents } from '../src/protocol/events.ts';
import { MEMORY_REPORT_KEY } from '../src/server/memory-report.ts';
import { newToken } from '../src/server/services/tokens.ts';
import { onCleanUp, runCleanly } from './load/clean-up.ts';
import { highWaterKiB } from './load/memory-usage.ts';
import { prepareDatabase } from './load/prepare-database.ts';
import { progress } from './load/progress.ts';
import { type ServerProcess, startServerProcess } from './load/server-process.ts';
import { ask, connectSocket, disconnectSocketsBut, waitFor } from './load/socket-clients.ts';

const BATCH = 100;
const MiB = 1024 * 1024;

interface Report {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  connections: number;
  engineClients: number;
  visitorSockets: number;
  staffSockets: number;
  visitorRooms: number;
  staffRooms: number;
  /** V8's heap spaces: [size, used] in bytes. */
  spaces: Record<string, [number, number]>;
}

function options() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '6' },
      visitors: { type: 'string', default: '1000' },
      staff: { type: 'string', default: '200' },
      start: { type: 'boolean', default: false },
      'semi-space': { type: 'string', default: '16' },
    },
  });
  const bounded = (name: string, value: string, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  return {
    rounds: bounded('rounds', values.rounds, 20),
    visitors: bounded('visitors', values.visitors, 4000),
    staff: bounded('staff', values.staff, 1000),
    /** Each visitor also starts a conversation (and the server's per-conversation state is churned too). */
    start: values.start,
    /** V8's --max-semi-space-size in MiB, as `npm start` sets it (0: V8's own default). */
    semiSpaceMiB: values['semi-space'] === '0' ? 0 : bounded('semi-space', values['semi-space'], 256),
  };
}

/** Asks the server for its memory after a full collection; resolves with the JSON line it prints. */
function memoryReader(server: ServerProcess) {
  const waiting: ((report: Report) => void)[] = [];
  createInterface({ input: server.process.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (!line.includes(MEMORY_REPORT_KEY)) return;
    const report = (JSON.parse(line) as Record<string, Report>)[MEMORY_REPORT_KEY];
    if (report) waiting.shift()?.(report);
  });
  return async (): Promise<Report> => {
    const answered = new Promise<Report>((done) => waiting.push(done));
    server.process.kill('SIGUSR2');
    const late = sleep(10_000).then(() => {
      throw new Error('no memory report within 10 s');
    });
    return Promise.race([answered, late]);
  };
}

/** Connects `count` sockets in batches and waits for each to be in (staff: her first state). */
async function connectAll(url: string, count: number, cookieOf: (i: number) => string | null, start: boolean) {
  const sockets: Socket[] = [];
  for (let first = 0; first < count; first += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - first) }, (_, j) => {
      const cookie = cookieOf(first + j);
      const socket = connectSocket(`${url}${cookie ? namespaces.staff : namespaces.visitor}`, cookie);
      sockets.push(socket);
      if (cookie) return waitFor(socket, staffEvents.state);
      return waitFor(socket, 'connect').then(() => (start ? ask(socket, 'conversation:start', {}) : undefined));
    });
    await Promise.all(batch);
  }
  return sockets;
}

/** Waits (at most 30 s) until the server reports no socket left from the round. */
async function untilEmpty(report: () => Promise<Report>): Promise<Report> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const now = await report();
    if (now.visitorSockets + now.staffSockets + now.engineClients === 0 || Date.now() > deadline) return now;
    await sleep(500);
  }
}

const spacesOf = (r: Report) =>
  Object.entries(r.spaces)
    .filter(([, [size]]) => size >= MiB)
    .map(
      ([name, [size, used]]) => `${name.replace('_space', '')} ${(size / MiB).toFixed(0)}/${(used / MiB).toFixed(0)}`,
    )
    .join(', ');

const mib = (bytes: number) => (bytes / MiB).toFixed(1).padStart(7);

function line(label: string, r: Report, peakKiB: number | null) {
  const held = `${String(r.connections).padStart(6)} ${String(r.visitorRooms + r.staffRooms).padStart(6)}`;
  const peak = peakKiB === null ? '      ?' : mib(peakKiB * 1024);
  return `${label.padEnd(9)} ${peak} ${mib(r.rss)} ${mib(r.heapTotal)} ${mib(r.heapUsed)} ${mib(r.external)} ${held}`;
}

async function main(): Promise<number> {
  const { rounds, visitors, staff, start, semiSpaceMiB } = options();
  return runCleanly(60_000 + rounds * 120_000, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'havre-churn-'));
    onCleanUp(async () => rmSync(dataDir, { recursive: true, force: true }));
    const secret = newToken();
    progress(`preparing ${staff} staff accounts with a session each`);
    const cookies = await prepareDatabase({ kind: 'pglite', dataDir }, staff, secret);
    const semiSpace = semiSpaceMiB > 0 ? [`--max-semi-space-size=${semiSpaceMiB}`] : [];
    const server = await startServerProcess('havre', ['--expose-gc', ...semiSpace, 'src/server/main.ts'], {
      DATA_DIR: dataDir,
      HAVRE_SECRET: secret,
      LOG_LEVEL: 'warn',
      MAX_CONNECTIONS: String(2 * (visitors + staff) + 100),
      // A thousand clients from 127.0.0.1 are one network: its doors would hold them (decision 0018).
      LIMITS_PER_NETWORK: 'off',
    });
    const report = memoryReader(server);
    await sleep(2000);
    const pid = server.process.pid ?? 0;
    process.stdout.write(
      'MiB       RSS max     RSS  heap total  used  extern  conns  rooms   (after a full GC; max: since start)\n',
    );
    process.stdout.write(`${line('idle', await report(), highWaterKiB(pid))}\n`);
    for (let round = 1; round <= rounds; round += 1) {
      const began = Date.now();
      await connectAll(server.url, visitors, () => null, start);
      await connectAll(server.url, staff, (i) => cookies[i] ?? null, false);
      const connectS = ((Date.now() - began) / 1000).toFixed(1);
      disconnectSocketsBut();
      const after = await untilEmpty(report);
      const row = line(`round ${round}`, after, highWaterKiB(pid));
      process.stdout.write(`${row}   (${visitors} visitors + ${staff} staff in ${connectS} s)\n`);
      if (round === rounds) process.stdout.write(`heap spaces (size/used MiB): ${spacesOf(after)}\n`);
    }
  });
}

main().then((code) => process.exit(code));
