// What a node shares with the others (decisions 0028, 0029). On one node: nothing, its short-lived state in its
// own memory. With REDIS_URL: one Redis for the short-lived store and for Socket.IO's fan-out between nodes
// (@socket.io/redis-adapter's sharded adapter, on Redis 7's sharded publish/subscribe, one channel per room: a
// message reaches only the nodes that hold its room, and nothing is kept once delivered). Redis must keep nothing
// on disk: a Redis that saves snapshots or an append-only file is refused at start, since the store holds
// what is derived from networks and must not outlive its expiry.
import { randomBytes } from 'node:crypto';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { createMemoryStore } from '../short-lived/memory-store.ts';
import { createRedisStore } from '../short-lived/redis-store.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';

export class RedisRefusedError extends Error {}

/** Sharded publish/subscribe (SPUBLISH, SSUBSCRIBE) came with Redis 7. */
const REDIS_MAJOR_AT_LEAST = 7;

/** Redis's major version, from INFO; null when it will not say. */
export async function redisMajorVersion(redis: Redis): Promise<number | null> {
  const info = await redis.info('server').catch(() => '');
  const match = /redis_version:(\d+)\./.exec(info);
  return match ? Number(match[1]) : null;
}

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

export interface ClusterLink {
  /** This node's name among the others: random at each start, never derived from the machine. */
  nodeId: string;
  clustered: boolean;
  store: ShortLivedStore;
  /** Socket.IO's adapter for `new Server(…, { adapter })`; undefined on one node (the in-memory one). */
  adapter: ReturnType<typeof createShardedAdapter> | undefined;
  /**
   * Runs `handler` each time the fan-out's subscription comes back after it was lost: what other nodes broadcast
   * meanwhile never reached this node's sockets.
   */
  onResubscribed(handler: () => void): void;
  close(): Promise<void>;
}

export async function openClusterLink({
  redisUrl,
  prefix,
  clock,
  log,
}: {
  redisUrl: string | null;
  prefix: string;
  clock: Clock;
  log: Logger;
}): Promise<ClusterLink> {
  const nodeId = randomBytes(6).toString('base64url');
  if (!redisUrl) {
    const store = createMemoryStore({ clock });
    return {
      nodeId,
      clustered: false,
      store,
      adapter: undefined,
      onResubscribed: () => {},
      close: async () => store.close(),
    };
  }
  // Commands wait for a reconnection for a while, then fail (the callers' doors treat a failure as a refusal).
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const warn = (role: string) => (error: Error) =>
    log.warn({ code: (error as { code?: string }).code, role }, 'redis: connection error');
  redis.on('error', warn('store'));
  await redis.connect();
  const persists = await redisPersists(redis);
  if (persists) {
    redis.disconnect();
    throw new RedisRefusedError(
      'Havre cannot start: the Redis of REDIS_URL writes to disk; set `save ""` and `appendonly no` (decision 0028)',
    );
  }
  if (persists === null) log.warn('redis: cannot read its persistence settings; make sure it keeps nothing on disk');
  const major = await redisMajorVersion(redis);
  if (major !== null && major < REDIS_MAJOR_AT_LEAST) {
    redis.disconnect();
    throw new RedisRefusedError(
      `Havre cannot start: the Redis of REDIS_URL is version ${major}; cluster mode needs Redis ${REDIS_MAJOR_AT_LEAST} or later`,
    );
  }

  // A publish that fails while Redis is away is dropped by the adapter (it catches it): what it carried is in
  // PostgreSQL, and the clients catch up when the subscription comes back (below).
  const pub = redis.duplicate();
  pub.on('error', warn('publish'));
  const sub = redis.duplicate();
  sub.on('error', warn('subscribe'));
  const resubscribed = new Set<() => void>();
  let lost = false;
  sub.on('close', () => {
    lost = true;
  });
  sub.on('ready', () => {
    if (!lost) return;
    lost = false;
    log.warn('redis: real-time subscription back; this node\u2019s clients catch up');
    for (const handler of resubscribed) handler();
  });
  await Promise.all([pub.connect(), sub.connect()]);
  log.info({ node: nodeId }, 'cluster mode: short-lived state and real-time fan-out through Redis');
  return {
    nodeId,
    clustered: true,
    store: createRedisStore({ redis, clock, prefix: `${prefix}:` }),
    adapter: createShardedAdapter(pub, sub, { channelPrefix: `${prefix}:io`, subscriptionMode: 'dynamic' }),
    onResubscribed: (handler) => void resubscribed.add(handler),
    async close() {
      resubscribed.clear();
      for (const client of [sub, pub, redis]) client.disconnect();
    },
  };
}
