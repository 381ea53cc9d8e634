// Starts two or three Havre nodes on loopback as an operator would run a cluster: one PostgreSQL database, one
// Redis (under a prefix of their own, so that test files never hear each other), the same HAVRE_SECRET and
// HAVRE_MASTER_KEY, and each node its own DATA_DIR holding a copy of the first node's keyring (decision 0021).
import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
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
  stop(): Promise<void>;
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
  return {
    nodes,
    clock,
    env,
    async stop() {
      for (const node of nodes.splice(0)) await node.stop().catch(() => {});
      await database.drop();
    },
  };
}
