// Havre or the bare relay in a child process on a free local port, so that its memory and CPU can be read from
// /proc: started and awaited until it says the chat is open, its warnings and GC pauses kept, then stopped
// (killed if it must be, and whenever this process exits).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanUp } from './clean-up.ts';
import { type GcPause, gcPauseOf } from './gc-pauses.ts';
import { progress } from './progress.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const HOST = '127.0.0.1';

export interface ServerProcess {
  name: string;
  process: ChildProcess;
  url: string;
  warnings: string[];
  /** Garbage-collection pauses, when the server runs with --trace-gc. */
  gcPauses: GcPause[];
  exited: Promise<void>;
  /** A cluster run: the other Havre nodes (this one is the first), and the Redis they share. */
  cluster?: { peers: ServerProcess[]; redisPid: number };
}

const children = new Set<ChildProcess>();
/** Children being stopped on purpose, whose exit is expected. */
const stopping = new WeakSet<ChildProcess>();

process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export const isRunning = (server: ServerProcess) => !hasExited(server.process);

/** Starts the server and waits until it is open; once it is, the clean-up stops it too. */
export async function startServerProcess(
  name: string,
  nodeArgs: string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
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
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (!stopping.has(child)) progress(`${name} stopped by itself: exit code ${code}, signal ${signal}`);
      done();
    }),
  );
  const { warnings, gcPauses } = readOutput(name, child);
  const url = `http://${HOST}:${port}`;
  await waitUntilOpen(name, child, url, warnings);
  const server = { name, process: child, url, warnings, gcPauses, exited };
  onCleanUp(() => stopServerProcess(server));
  return server;
}

export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (hasExited(server.process)) return;
  stopping.add(server.process);
  server.process.kill('SIGTERM');
  server.process.stdin?.end();
  const stopped = await Promise.race([server.exited.then(() => true), sleep(20_000).then(() => false)]);
  if (!stopped) {
    progress(`${server.name} did not stop within 20 s; killing it`);
    server.process.kill('SIGKILL');
    await server.exited;
  }
}

export async function freePort(): Promise<number> {
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

/** Keeps the child's warnings and errors (the first ten also shown) and its GC pauses; drops the rest. */
function readOutput(name: string, child: ChildProcess) {
  const warnings: string[] = [];
  const gcPauses: GcPause[] = [];
  const keep = (line: string) => {
    if (warnings.length < 200) warnings.push(line);
    if (warnings.length <= 10) process.stderr.write(`[${name}] ${line.slice(0, 4000)}\n`);
  };
  // Havre logs JSON lines; keep warnings and errors, drop the rest (such as the one-time set-up link).
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const gcPause = gcPauseOf(line);
    if (gcPause) {
      gcPauses.push(gcPause);
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
  return { warnings, gcPauses };
}

async function waitUntilOpen(name: string, child: ChildProcess, url: string, warnings: string[]): Promise<void> {
  // Open hours are 00:00–23:59 every day: in the last minute of a Paris day the chat says closed; wait it out.
  const deadline = Date.now() + 120_000;
  let saidClosed = false;
  for (;;) {
    if (hasExited(child)) throw new Error(`${name} stopped while starting:\n${warnings.join('\n')}`);
    const status = await fetch(`${url}/api/status`, { signal: AbortSignal.timeout(2000) })
      .then((response) => (response.ok ? (response.json() as Promise<{ status?: { open?: boolean } }>) : null))
      .catch(() => null);
    if (status?.status?.open) return;
    if (status && !saidClosed) {
      saidClosed = true;
      progress(`${name} answers but says the chat is closed (23:59 in Paris?); waiting for it to open`);
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready and open within 120 s`);
    await sleep(200);
  }
}
