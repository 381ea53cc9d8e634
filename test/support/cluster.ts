// Starts two or three Havre nodes on loopback as an operator would run a cluster: one PostgreSQL database, one
// Redis (under a prefix of their own, so that test files never hear each other), the same HAVRE_SECRET and
// HAVRE_MASTER_KEY, and each node its own DATA_DIR holding a copy of the first node's keyring (decision 0021).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DoorLimits } from '../../src/core/door-limits.ts';
import { redisAvailable, redisUrl } from './redis.ts';
import { OPEN_INSTANT, shiftedClock, startTestServer, type TestServer } from './server.ts';
import { createTestDatabase, storageKinds } from './storage.ts';

/** Whether a cluster can run here: PostgreSQL and Redis both answer (required in CI). */
export async function clusterAvailable(): Promise<boolean> {
  const postgres = (await storageKinds()).find((kind) => kind.kind === 'postgres')?.available ?? false;
  const redis = await redisAvailable();
  return postgres && redis;
}

export interface TestCluster {
  nodes: TestServer[];
  clock: ReturnType<typeof shiftedClock>;
  /** What every node shares, for a node started later by the test. */
  env: Record<string, string>;
  databaseUrl: string;
  /** Runs `work` first when the cluster stops (a node process to kill). */
  onStop(work: () => Promise<void>): void;
  stop(): Promise<void>;
}

export interface NodeProcess {
  url: string;
  /** kill -9: no close, no goodbye to Redis or PostgreSQL, timers and sockets gone with it. */
  kill(): Promise<void>;
}

/** A node of `cluster` in a process of its own (test/support/node-process.ts), so that a test can kill it. */
export async function startNodeProcess(
  cluster: TestCluster,
  { limits = {} }: { limits?: Partial<DoorLimits> } = {},
): Promise<NodeProcess> {
  const [first] = cluster.nodes;
  if (!first) throw new Error('the cluster has no node to copy the keyring from');
  const dataDir = mkdtempSync(join(tmpdir(), 'havre-node-'));
  copyFileSync(join(first.dataDir, 'keyring'), join(dataDir, 'keyring'));
  const child: ChildProcess = spawn(process.execPath, [join(import.meta.dirname, 'node-process.ts')], {
    env: {
      ...process.env,
      ...cluster.env,
      DATABASE_URL: cluster.databaseUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      HAVRE_TEST_LIMITS: JSON.stringify(limits),
      HAVRE_TEST_CLOCK_OFFSET_MS: String(cluster.clock.now().getTime() - Date.now()),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const match = /listening (\S+)\n/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the node process stopped before listening (exit ${code})`)));
  });
  let killed = false;
  const kill = async () => {
    if (!killed) child.kill('SIGKILL');
    killed = true;
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  cluster.onStop(kill);
  return { url, kill };
}

export async function startCluster(
  count: number,
  options: Omit<Parameters<typeof startTestServer>[1] & object, 'sharedDatabase' | 'seedDataDir' | 'clock'> = {},
): Promise<TestCluster> {
  const database = await createTestDatabase();
  const clock = shiftedClock(OPEN_INSTANT);
  const env = {
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `havre-test-${randomBytes(5).toString('hex')}`,
    HAVRE_SECRET: randomBytes(32).toString('hex'),
    HAVRE_MASTER_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  };
  const nodes: TestServer[] = [];
  const start = (seedDataDir?: (dir: string) => void) =>
    startTestServer('postgres', { ...options, env, sharedDatabase: database, clock, seedDataDir });
  try {
    const first = await start();
    nodes.push(first);
    for (let i = 1; i < count; i += 1) {
      nodes.push(await start((dir) => copyFileSync(join(first.dataDir, 'keyring'), join(dir, 'keyring'))));
    }
  } catch (error) {
    for (const node of nodes) await node.stop();
    await database.drop();
    throw error;
  }
  const onStop: (() => Promise<void>)[] = [];
  return {
    nodes,
    clock,
    env,
    databaseUrl: database.url,
    onStop: (work) => void onStop.push(work),
    async stop() {
      for (const work of onStop.splice(0)) await work();
      for (const node of nodes.splice(0)) await node.stop().catch(() => {});
      await database.drop();
    },
  };
}
