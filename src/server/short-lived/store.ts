// One home for short-lived state: rate-limit buckets, gauges (open connections, waiting conversations of a
// network), single-use marks (replayed admission work) and small values that expire. Every entry has an expiry,
// so nothing here outlives its purpose. It lives in memory on one node (memory-store.ts); in cluster mode the
// same interface will be served by Redis, which is why every call answers a promise.
// Keys are pseudonyms chosen by the caller (a network hash, a socket id), never an address.

/** A token bucket: `capacity` tokens at most (the burst), refilled at `refillPerSecond`. */
export interface Bucket {
  capacity: number;
  refillPerSecond: number;
}

export type Taken = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export interface ShortLivedStore {
  /** Takes `cost` tokens (default 1) from the bucket `key`; refused, with the wait, when too few are left. */
  take(key: string, bucket: Bucket, cost?: number): Promise<Taken>;
  /** Claims a single-use key until `ttlMs` from now; false when it was already claimed (a replay). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Adds `delta` to the gauge `key` (never below 0) and answers its new value; it expires `ttlMs` after. */
  add(key: string, delta: number, ttlMs: number): Promise<number>;
  /** The gauge's value now, 0 when absent or expired. */
  count(key: string): Promise<number>;
  /** Keeps a small value until `ttlMs` from now. */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  read(key: string): Promise<string | null>;
  /** Keeps `value` until `ttlMs` from now unless a live value is already there; answers the one kept. */
  offer(key: string, value: string, ttlMs: number): Promise<string>;
  remove(key: string): Promise<void>;
  /** Stops what it runs in the background (the memory store's sweep). */
  close(): void;
}
