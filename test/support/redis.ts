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
