// Whether the Redis of the cluster suites answers: at 127.0.0.1:6379, or HAVRE_TEST_REDIS_URL. In CI
// (HAVRE_REQUIRE_SERVICES=1) a missing Redis fails the run instead of skipping.
import { Redis } from 'ioredis';

export const redisUrl = process.env.HAVRE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const required = process.env.HAVRE_REQUIRE_SERVICES === '1';

/** A connection that gives up at once instead of retrying for ever. */
export function redisClient(): Redis {
  return new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
}

let detected: Promise<boolean> | null = null;

async function answers(): Promise<boolean> {
  const client = redisClient();
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** True when Redis answers; a visible notice (or, in CI, an error) when it does not. */
export async function redisAvailable(): Promise<boolean> {
  detected ??= answers();
  const up = await detected;
  if (!up && required) throw new Error(`HAVRE_REQUIRE_SERVICES=1 but Redis does not answer at ${redisUrl}`);
  if (!up) {
    console.warn(
      `\n*** Redis does not answer at ${redisUrl}: its suites are SKIPPED (set HAVRE_REQUIRE_SERVICES=1 to fail instead) ***\n`,
    );
  }
  return up;
}

export interface PrivateRedis {
  url: string;
  /** Stops it outright (SIGKILL): what it held is gone, as after a crash. */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
}

/**
 * A Redis of one test's own, on a free loopback port, keeping nothing on disk: the tests that stop Redis must not
 * stop the one every other suite shares. Null (with a notice, or in CI an error) when redis-server is missing.
 */
export async function startPrivateRedis(): Promise<PrivateRedis | null> {
  const { spawnSync, spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    if (required) throw new Error('HAVRE_REQUIRE_SERVICES=1 but redis-server is not installed');
    console.warn('\n*** redis-server is not installed: the Redis restart suite is SKIPPED ***\n');
    return null;
  }
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const url = `redis://127.0.0.1:${port}`;
  let child: ReturnType<typeof spawn> | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i += 1) {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => {});
      try {
        await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        client.disconnect();
      }
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  process.once('exit', () => child?.kill('SIGKILL'));
  return { url, kill, start };
}
