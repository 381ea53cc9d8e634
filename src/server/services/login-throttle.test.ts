// The login throttle shared by several nodes counts as one node would: a guesser alternating between nodes, or
// a burst sent to both at once, meets one count. Against the memory store and Redis (required in CI).
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisAvailable, redisClient } from '../../../test/support/redis.ts';
import { createMemoryStore } from '../short-lived/memory-store.ts';
import { createRedisStore } from '../short-lived/redis-store.ts';
import { memoryLoginThrottle, sharedLoginThrottle } from './login-throttle.ts';

const redisUp = await redisAvailable();
const connections: Redis[] = [];
afterAll(() => {
  for (const connection of connections) connection.disconnect();
});

let at = Date.UTC(2026, 11, 2, 13, 30);
const clock = { now: () => new Date(at) };

async function aStore(home: 'memory' | 'redis') {
  if (home === 'memory') return createMemoryStore({ clock });
  const connection = redisClient();
  await connection.connect();
  connections.push(connection);
  return createRedisStore({ redis: connection, clock, prefix: `havre-test:${randomBytes(6).toString('hex')}:` });
}

describe.each([
  { home: 'memory' as const, available: true },
  { home: 'redis' as const, available: redisUp },
])('the login throttle shared through $home', ({ home, available }) => {
  it.skipIf(!available)('counts guesses spread over two nodes as one node would', async () => {
    const store = await aStore(home);
    const nodes = [sharedLoginThrottle(store, clock), sharedLoginThrottle(store, clock)];
    const alone = memoryLoginThrottle(clock);
    const verdicts = { shared: [] as boolean[], alone: [] as boolean[] };
    for (let i = 0; i < 12; i += 1) {
      verdicts.shared.push((await nodes[i % 2]?.attempt('alice', 'net', false))?.allowed ?? false);
      verdicts.alone.push((await alone.attempt('alice', 'net', false)).allowed);
    }
    expect(verdicts.shared).toEqual(verdicts.alone);
    expect(verdicts.shared.filter(Boolean)).toHaveLength(6);
    // From her own network, once the account's pace has passed, she is let in: the guesser's network is not hers.
    at += 31 * 60_000;
    expect((await nodes[0]?.attempt('alice', 'home', false))?.allowed).toBe(true);
  });

  it.skipIf(!available)('lets no more through a burst at two nodes at once than one node would', async () => {
    const store = await aStore(home);
    const nodes = [sharedLoginThrottle(store, clock), sharedLoginThrottle(store, clock)];
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => nodes[i % 2]?.attempt('bob', 'net', false)));
    expect(burst.filter((verdict) => verdict?.allowed)).toHaveLength(6);
  });
});
