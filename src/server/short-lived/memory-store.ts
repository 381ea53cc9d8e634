// The short-lived store of a single node: one Map, each entry with its expiry. Expired entries are dropped
// when read and by a sweep every `sweepMs`; past `maxEntries` the oldest are dropped first, so a flood of
// made-up keys (one per forged network, per socket) can cost memory only up to a bound.
import type { Clock } from '../clock.ts';
import type { Bucket, ShortLivedStore, Taken } from './store.ts';

type Entry =
  | { kind: 'bucket'; tokens: number; at: number; expiresAt: number }
  | { kind: 'mark'; expiresAt: number }
  | { kind: 'gauge'; value: number; expiresAt: number }
  | { kind: 'value'; value: string; expiresAt: number };

export const DEFAULT_MAX_ENTRIES = 200_000;

export interface MemoryStore extends ShortLivedStore {
  /** Entries held now (expired ones may linger until the next sweep): for tests and the memory bound. */
  size(): number;
}

export function createMemoryStore({
  clock,
  maxEntries = DEFAULT_MAX_ENTRIES,
  sweepMs = 30_000,
}: {
  clock: Clock;
  maxEntries?: number;
  sweepMs?: number;
}): MemoryStore {
  const entries = new Map<string, Entry>();
  const now = () => clock.now().getTime();

  const live = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= at) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  /** Re-inserting moves the key to the end of the Map's order, so the front always holds the stalest. */
  const keep = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  const sweep = () => {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  };
  const timer = setInterval(sweep, sweepMs);
  timer.unref();

  return {
    async take(key: string, bucket: Bucket, cost = 1): Promise<Taken> {
      const at = now();
      const entry = live(key, at);
      const before = entry?.kind === 'bucket' ? entry : null;
      const refilled = before
        ? Math.min(bucket.capacity, before.tokens + ((at - before.at) / 1000) * bucket.refillPerSecond)
        : bucket.capacity;
      // A full bucket is the same as no bucket: it may expire once it would have refilled.
      const fullInMs = (tokens: number) => ((bucket.capacity - tokens) / bucket.refillPerSecond) * 1000;
      if (refilled < cost) {
        keep(key, { kind: 'bucket', tokens: refilled, at, expiresAt: at + fullInMs(refilled) + 1 });
        return { allowed: false, retryAfterMs: Math.ceil(((cost - refilled) / bucket.refillPerSecond) * 1000) };
      }
      const tokens = refilled - cost;
      keep(key, { kind: 'bucket', tokens, at, expiresAt: at + fullInMs(tokens) + 1 });
      return { allowed: true, remaining: Math.floor(tokens) };
    },

    async claim(key: string, ttlMs: number): Promise<boolean> {
      const at = now();
      if (live(key, at)) return false;
      keep(key, { kind: 'mark', expiresAt: at + ttlMs });
      return true;
    },

    async add(key: string, delta: number, ttlMs: number): Promise<number> {
      const at = now();
      const entry = live(key, at);
      const value = Math.max(0, (entry?.kind === 'gauge' ? entry.value : 0) + delta);
      if (value === 0) entries.delete(key);
      else keep(key, { kind: 'gauge', value, expiresAt: at + ttlMs });
      return value;
    },

    async count(key: string): Promise<number> {
      const entry = live(key, now());
      return entry?.kind === 'gauge' ? entry.value : 0;
    },

    async put(key: string, value: string, ttlMs: number): Promise<void> {
      keep(key, { kind: 'value', value, expiresAt: now() + ttlMs });
    },

    async read(key: string): Promise<string | null> {
      const entry = live(key, now());
      return entry?.kind === 'value' ? entry.value : null;
    },

    async offer(key: string, value: string, ttlMs: number): Promise<string> {
      const at = now();
      const entry = live(key, at);
      if (entry?.kind === 'value') return entry.value;
      keep(key, { kind: 'value', value, expiresAt: at + ttlMs });
      return value;
    },

    async remove(key: string): Promise<void> {
      entries.delete(key);
    },

    size: () => entries.size,

    close() {
      clearInterval(timer);
    },
  };
}
