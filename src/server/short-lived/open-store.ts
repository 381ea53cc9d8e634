// The short-lived store a node uses: its own memory, or, with REDIS_URL (several nodes), Redis shared by all
// (decision 0028). Redis must keep nothing on disk: a Redis that saves snapshots or an append-only file is
// refused at start, since what the store holds is derived from networks and must not outlive its expiry.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { createMemoryStore } from './memory-store.ts';
import { createRedisStore } from './redis-store.ts';
import type { ShortLivedStore } from './store.ts';

export class RedisPersistsError extends Error {}

/** Whether Redis writes anything to disk; null when it will not say (a managed Redis may forbid CONFIG). */
export async function redisPersists(redis: Redis): Promise<boolean | null> {
  try {
    const [, save] = (await redis.config('GET', 'save')) as [string, string];
    const [, appendOnly] = (await redis.config('GET', 'appendonly')) as [string, string];
    return save.trim() !== '' || appendOnly === 'yes';
  } catch {
    return null;
  }
}

export async function openShortLivedStore({
  redisUrl,
  clock,
  log,
}: {
  redisUrl: string | null;
  clock: Clock;
  log: Logger;
}): Promise<{ store: ShortLivedStore; close(): Promise<void> }> {
  if (!redisUrl) {
    const store = createMemoryStore({ clock });
    return { store, close: async () => store.close() };
  }
  // Commands wait for a reconnection for a while, then fail (the callers' doors treat a failure as a refusal).
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', (error: Error) => log.warn({ code: (error as { code?: string }).code }, 'redis: connection error'));
  await redis.connect();
  const persists = await redisPersists(redis);
  if (persists) {
    redis.disconnect();
    throw new RedisPersistsError(
      'Havre cannot start: the Redis of REDIS_URL writes to disk; set `save ""` and `appendonly no` (decision 0028)',
    );
  }
  if (persists === null) log.warn('redis: cannot read its persistence settings; make sure it keeps nothing on disk');
  log.info('short-lived state shared through Redis');
  return { store: createRedisStore({ redis, clock }), close: async () => void redis.disconnect() };
}
