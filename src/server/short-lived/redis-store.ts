// The short-lived store shared by every node in cluster mode (issue 14): the same contract as the memory store,
// served by Redis, each operation one Lua script so that two nodes never interleave inside it. Expiry follows
// the node's clock (each entry holds its expiry; a read past it is a miss) and Redis drops the key at the same
// moment by its own TTL, so nothing outlives its purpose. Keys are the callers' pseudonyms, under a prefix;
// nothing here is derived from an address (decision 0028: Redis keeps nothing on disk).
import type { Redis } from 'ioredis';
import { HavreError } from '../../protocol/errors.ts';
import type { Clock } from '../clock.ts';
import type { Bucket, ShortLivedStore, Taken } from './store.ts';

/** Each entry is a hash: `e` its expiry (ms on the node's clock), and `t`+`at` (bucket) or `v` (the rest). */
const TAKE = `
local now, capacity, refill, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local e, t, at = unpack(redis.call('HMGET', KEYS[1], 'e', 't', 'at'))
local tokens = capacity
if e and tonumber(e) > now and t then tokens = math.min(capacity, tonumber(t) + (now - tonumber(at)) / 1000 * refill) end
local allowed = tokens >= cost
if allowed then tokens = tokens - cost end
local full = math.ceil((capacity - tokens) / refill * 1000) + 1
redis.call('HSET', KEYS[1], 'e', now + full, 't', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], full)
if allowed then return {1, math.floor(tokens)} end
return {0, math.ceil((cost - tokens) / refill * 1000)}
`;

const CLAIM = `
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local e = redis.call('HGET', KEYS[1], 'e')
if e and tonumber(e) > now then return 0 end
redis.call('HSET', KEYS[1], 'e', now + ttl, 'v', '1')
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
`;

const ADD = `
local now, delta, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local e, v = unpack(redis.call('HMGET', KEYS[1], 'e', 'v'))
local value = 0
if e and tonumber(e) > now and v then value = tonumber(v) end
value = math.max(0, value + delta)
if value == 0 then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'e', now + ttl, 'v', tostring(value))
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return tostring(value)
`;

const READ = `
local e, v = unpack(redis.call('HMGET', KEYS[1], 'e', 'v'))
if e and tonumber(e) > tonumber(ARGV[1]) then return v end
return false
`;

const PUT = `
redis.call('HSET', KEYS[1], 'e', tonumber(ARGV[1]) + tonumber(ARGV[3]), 'v', ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

const OFFER = `
local e, v = unpack(redis.call('HMGET', KEYS[1], 'e', 'v'))
if e and tonumber(e) > tonumber(ARGV[1]) and v then return v end
redis.call('HSET', KEYS[1], 'e', tonumber(ARGV[1]) + tonumber(ARGV[3]), 'v', ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return ARGV[2]
`;

type Scripted = Redis & {
  havreTake(key: string, now: number, capacity: number, refill: number, cost: number): Promise<[number, number]>;
  havreClaim(key: string, now: number, ttl: number): Promise<number>;
  havreAdd(key: string, now: number, delta: number, ttl: number): Promise<string>;
  havreRead(key: string, now: number): Promise<string | null>;
  havrePut(key: string, now: number, value: string, ttl: number): Promise<number>;
  havreOffer(key: string, now: number, value: string, ttl: number): Promise<string>;
};

/**
 * While Redis cannot be reached (a restart, a network cut) every door that needs it answers UNAVAILABLE with a
 * wait, like a database fault (decision 0024): nothing is let through unchecked, nothing is lost, the pages keep
 * what they were sending and try again.
 */
const unreachable = () =>
  new HavreError('UNAVAILABLE', 'the service cannot reach its shared state; try again in a moment', {
    retryAfterMs: 2_000,
  });
const guarded = async <T>(operation: Promise<T>): Promise<T> => {
  try {
    return await operation;
  } catch {
    throw unreachable();
  }
};

/** At least a millisecond: Redis refuses a TTL of 0, and the memory store treats it as already expired. */
const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

export function createRedisStore({
  redis,
  clock,
  prefix = 'havre:',
}: {
  redis: Redis;
  clock: Clock;
  prefix?: string;
}): ShortLivedStore {
  const scripts: [string, string][] = [
    ['havreTake', TAKE],
    ['havreClaim', CLAIM],
    ['havreAdd', ADD],
    ['havreRead', READ],
    ['havrePut', PUT],
    ['havreOffer', OFFER],
  ];
  for (const [name, lua] of scripts) redis.defineCommand(name, { numberOfKeys: 1, lua });
  const r = redis as Scripted;
  const now = () => clock.now().getTime();
  const k = (key: string) => `${prefix}${key}`;

  return {
    async take(key: string, bucket: Bucket, cost = 1): Promise<Taken> {
      const [allowed, figure] = await guarded(
        r.havreTake(k(key), now(), bucket.capacity, bucket.refillPerSecond, cost),
      );
      return allowed === 1 ? { allowed: true, remaining: figure } : { allowed: false, retryAfterMs: figure };
    },
    async claim(key: string, ttlMs: number): Promise<boolean> {
      return (await guarded(r.havreClaim(k(key), now(), ttl(ttlMs)))) === 1;
    },
    async add(key: string, delta: number, ttlMs: number): Promise<number> {
      return Number(await guarded(r.havreAdd(k(key), now(), delta, ttl(ttlMs))));
    },
    async count(key: string): Promise<number> {
      return Number((await guarded(r.havreRead(k(key), now()))) ?? 0);
    },
    async put(key: string, value: string, ttlMs: number): Promise<void> {
      await guarded(r.havrePut(k(key), now(), value, ttl(ttlMs)));
    },
    async read(key: string): Promise<string | null> {
      return guarded(r.havreRead(k(key), now()));
    },
    async offer(key: string, value: string, ttlMs: number): Promise<string> {
      return guarded(r.havreOffer(k(key), now(), value, ttl(ttlMs)));
    },
    async remove(key: string): Promise<void> {
      await guarded(redis.del(k(key)));
    },
    close() {},
  };
}
