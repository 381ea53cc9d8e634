// The short-lived store's contract, held by both of its homes: the memory of one node, and Redis shared by
// every node in cluster mode (issue 14). Redis is required in CI (HAVRE_REQUIRE_SERVICES=1).
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisAvailable, redisClient } from '../../../test/support/redis.ts';
import { createMemoryStore } from './memory-store.ts';
import { createRedisStore } from './redis-store.ts';
import type { ShortLivedStore } from './store.ts';

const redisUp = await redisAvailable();
const connections: Redis[] = [];
afterAll(async () => {
  for (const connection of connections) {
    const keys = await connection.keys('havre-test:*');
    if (keys.length > 0) await connection.del(...keys);
    connection.disconnect();
  }
});

/** A clock the test moves: expiry follows the node's clock, in Redis as in memory. */
function aClock() {
  let at = Date.UTC(2026, 11, 2, 13, 30);
  return { clock: { now: () => new Date(at) }, advance: (ms: number) => (at += ms) };
}

async function redisStore(prefix: string, clock: { now: () => Date }): Promise<ShortLivedStore> {
  const connection = redisClient();
  await connection.connect();
  connections.push(connection);
  return createRedisStore({ redis: connection, clock, prefix });
}

const homes = [
  { home: 'memory', available: true },
  { home: 'redis', available: redisUp },
] as const;

describe.each(homes)('the short-lived store in $home', ({ home, available }) => {
  async function aStore() {
    const { clock, advance } = aClock();
    const prefix = `havre-test:${randomBytes(6).toString('hex')}:`;
    const store = home === 'memory' ? createMemoryStore({ clock }) : await redisStore(prefix, clock);
    return { store, advance };
  }

  it.skipIf(!available)('lets a burst through a bucket, refuses the flood with the wait, and refills', async () => {
    const { store, advance } = await aStore();
    const bucket = { capacity: 3, refillPerSecond: 1 };
    for (let i = 0; i < 3; i++) expect((await store.take('s', bucket)).allowed).toBe(true);
    expect(await store.take('s', bucket)).toEqual({ allowed: false, retryAfterMs: 1000 });
    advance(1000);
    expect(await store.take('s', bucket)).toEqual({ allowed: true, remaining: 0 });
    expect((await store.take('other', bucket)).allowed).toBe(true);
    expect(await store.take('big', bucket, 5)).toEqual({ allowed: false, retryAfterMs: 2000 });
    store.close();
  });

  it.skipIf(!available)('claims a key once until it expires', async () => {
    const { store, advance } = await aStore();
    expect(await store.claim('salt', 1000)).toBe(true);
    expect(await store.claim('salt', 1000)).toBe(false);
    advance(1000);
    expect(await store.claim('salt', 1000)).toBe(true);
    store.close();
  });

  it.skipIf(!available)('keeps gauges above zero and forgets them when they expire', async () => {
    const { store, advance } = await aStore();
    expect(await store.add('g', 2, 5000)).toBe(2);
    expect(await store.add('g', 1.5, 5000)).toBe(3.5);
    expect(await store.add('g', -5, 5000)).toBe(0);
    expect(await store.count('g')).toBe(0);
    await store.add('g', 1, 5000);
    advance(5000);
    expect(await store.count('g')).toBe(0);
    expect(await store.add('g', 1, 5000)).toBe(1);
    store.close();
  });

  it.skipIf(!available)('keeps values until they expire, and can remove them', async () => {
    const { store, advance } = await aStore();
    await store.put('k', 'v', 1000);
    expect(await store.read('k')).toBe('v');
    await store.remove('k');
    expect(await store.read('k')).toBeNull();
    await store.put('k', 'v', 1000);
    advance(1000);
    expect(await store.read('k')).toBeNull();
    store.close();
  });

  it.skipIf(!available)('keeps the first value offered until it expires, and answers it to every offer', async () => {
    const { store, advance } = await aStore();
    expect(await store.offer('o', 'first', 1000)).toBe('first');
    expect(await store.offer('o', 'second', 1000)).toBe('first');
    expect(await store.read('o')).toBe('first');
    advance(1000);
    expect(await store.offer('o', 'third', 1000)).toBe('third');
    store.close();
  });
});

describe('the short-lived store shared by two nodes through Redis', () => {
  it.skipIf(!redisUp)('gives one answer to both: a claim once, one bucket, no interleaving', async () => {
    const { clock } = aClock();
    const prefix = `havre-test:${randomBytes(6).toString('hex')}:`;
    const [one, two] = [await redisStore(prefix, clock), await redisStore(prefix, clock)];
    if (!one || !two) throw new Error('two stores');
    expect(await one.claim('work:replay', 60_000)).toBe(true);
    expect(await two.claim('work:replay', 60_000)).toBe(false);
    // 40 takes at once from both nodes on a bucket of 10: exactly 10 pass.
    const bucket = { capacity: 10, refillPerSecond: 0.001 };
    const takes = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).take('raid', bucket)));
    expect(takes.filter((taken) => taken.allowed)).toHaveLength(10);
    await one.add('waiting:net', 1, 60_000);
    expect(await two.add('waiting:net', 1, 60_000)).toBe(2);
    await two.put('value', 'x', 60_000);
    expect(await one.read('value')).toBe('x');
    const offers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).offer('key', `${i}`, 60_000)),
    );
    expect(new Set(offers).size).toBe(1);
  });

  it.skipIf(!redisUp)('lets Redis drop every key by its own expiry: nothing outlives its purpose', async () => {
    const connection = redisClient();
    await connection.connect();
    connections.push(connection);
    const prefix = `havre-test:${randomBytes(6).toString('hex')}:`;
    const store = createRedisStore({ redis: connection, clock: { now: () => new Date() }, prefix });
    await store.take('b', { capacity: 2, refillPerSecond: 1 });
    await store.claim('c', 60_000);
    await store.add('g', 1, 60_000);
    await store.put('v', 'x', 60_000);
    await store.offer('o', 'x', 60_000);
    for (const key of ['b', 'c', 'g', 'v', 'o']) {
      const left = await connection.pttl(`${prefix}${key}`);
      expect(left, key).toBeGreaterThan(0);
      expect(left, key).toBeLessThanOrEqual(60_000);
    }
  });
});
