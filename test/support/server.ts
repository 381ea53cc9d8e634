// Starts a whole Havre server for a test, on PGlite in a temporary folder or on a fresh PostgreSQL database,
// with a clock set to an opening hour, and can stop and start it again on the same port and data.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { wideNetworkDoors } from '../../src/core/door-limits.ts';
import type { Clock } from '../../src/server/clock.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createHavre, type Havre, type HavreOptions } from '../../src/server/havre.ts';
import { createLogger } from '../../src/server/logger.ts';
import { openDatabase } from '../../src/server/storage/database.ts';
import { createTestDatabase, type StorageKind } from './storage.ts';

/** Wednesday 2 December 2026, 14:30 in Paris: inside the default opening hours (Wed 14:00–18:00). */
export const OPEN_INSTANT = new Date('2026-12-02T13:30:00Z');

/** A clock that starts at a chosen instant and then moves at the real pace. */
export function shiftedClock(start: Date): Clock & { advance(ms: number): void } {
  let offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

let template: Promise<string> | null = null;

/** Creating a PGlite database costs seconds; each test copies one made and migrated once per test file. */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'havre-template-'));
    const { close } = await openDatabase({ kind: 'pglite', dataDir: dir }, createLogger('silent'));
    await close();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

export interface TestServer {
  havre: Havre;
  dataDir: string;
  url: string;
  clock: Clock & { advance(ms: number): void };
  logs: string[];
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestServer(
  kind: StorageKind,
  options: {
    webRoot?: string;
    visitorGraceMs?: number;
    /** Shorter header, request and heartbeat limits, for the slow-client tests. */
    serverTimeouts?: HavreOptions['serverTimeouts'];
    /** Environment variables over the test defaults, e.g. { TRUST_PROXY: 'true', LOG_LEVEL: 'trace' }. */
    env?: Record<string, string>;
    /**
     * Doors over the test defaults. Every test client comes from 127.0.0.1, one network: the network doors are
     * wide open unless a test (test/limits.test.ts) sets them.
     */
    limits?: HavreOptions['limits'];
    /** PostgreSQL's address as Havre is to reach it, e.g. through test/support/fault-proxy.ts. */
    databaseUrl?: (url: string) => string;
    databaseTimeouts?: HavreOptions['databaseTimeouts'];
    /** A PostgreSQL database shared with other nodes (test/support/cluster.ts): used, never dropped, by this one. */
    sharedDatabase?: { url: string };
    /** Files to put in the new DATA_DIR before the first start (another node's keyring). */
    seedDataDir?: (dataDir: string) => void;
    /** One clock for every node of a cluster. */
    clock?: Clock & { advance(ms: number): void };
  } = {},
): Promise<TestServer> {
  const { env, databaseUrl, sharedDatabase, seedDataDir, clock: sharedClock, ...havreOptions } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'havre-test-'));
  if (kind === 'pglite') cpSync(await pgliteTemplate(), dataDir, { recursive: true });
  seedDataDir?.(dataDir);
  const database =
    kind !== 'postgres'
      ? null
      : sharedDatabase
        ? { ...sharedDatabase, drop: async () => {} }
        : await createTestDatabase();
  const clock = sharedClock ?? shiftedClock(OPEN_INSTANT);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  let port = 0;

  const boot = async () => {
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: database ? (databaseUrl?.(database.url) ?? database.url) : undefined,
      LOG_LEVEL: 'info',
      ...env,
    });
    const havre = await createHavre({
      config,
      log: createLogger(config.logLevel, sink),
      clock,
      ...havreOptions,
      limits: { ...wideNetworkDoors, ...havreOptions.limits },
    });
    const url = await havre.listen();
    port = Number(new URL(url).port);
    return { havre, url };
  };

  let current = await boot();
  const server: TestServer = {
    havre: current.havre,
    dataDir,
    url: current.url,
    clock,
    logs,
    async restart() {
      await current.havre.close();
      current = await boot();
      server.havre = current.havre;
      server.url = current.url;
    },
    async stop() {
      await current.havre.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
