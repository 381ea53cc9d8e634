// A short-lived pseudonym for the network a request comes from, so that abuse can be throttled or blocked
// without ever storing an address. The key lives in memory only and is replaced every period (24 h); the
// previous key is kept one more period, so a hash taken now matches the same network for at least one full
// period, and no hash can be tied to an address once both keys are gone (or the process restarts).
// In cluster mode the nodes must hash alike: each period's key is drawn at random by the first node that needs
// it and kept in the short-lived store (Redis with nothing on disk), never derived from a secret that outlives
// it (decision 0029). Each node holds the keys in memory, fetches the next period's ahead of time, and hashes
// without waiting on Redis.
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';

export const NETWORK_HASH_PERIOD_MS = 24 * 60 * 60 * 1000;
/** How often a node checks that it holds the shared keys of this period and the next. */
const SHARE_EVERY_MS = 60_000;

export function createNetworkHasher(
  clock: Clock,
  {
    periodMs = NETWORK_HASH_PERIOD_MS,
    shared,
  }: {
    periodMs?: number;
    /** Where the nodes agree on each period's key, under `name`; absent on one node (keys of its own). */
    shared?: { store: Pick<ShortLivedStore, 'offer' | 'read'>; name: string };
  } = {},
) {
  const keys = new Map<number, Buffer>();
  let timer: NodeJS.Timeout | null = null;

  const periodNow = () => Math.floor(clock.now().getTime() / periodMs);
  /** The key of `period`, made here when it is not known yet (on one node, or while Redis cannot be reached). */
  const keyOf = (period: number): Buffer => {
    for (const known of keys.keys()) if (known < period - 1) keys.delete(known);
    let key = keys.get(period);
    if (!key) {
      key = randomBytes(32);
      keys.set(period, key);
    }
    return key;
  };
  const hashWith = (key: Buffer, address: string) =>
    createHmac('sha256', key).update(normalise(address)).digest('base64url').slice(0, 22);

  /** Agrees with the other nodes on this period's key and the next; the previous one only if still there. */
  async function share(): Promise<void> {
    if (!shared) return;
    const period = periodNow();
    const storeKey = (p: number) => `network-key:${shared.name}:${p}`;
    // Kept until the end of the period after it: as long as a hash taken with it may need matching.
    const keptFor = (p: number) => (p + 2) * periodMs - clock.now().getTime();
    for (const p of [period, period + 1]) {
      const agreed = await shared.store.offer(storeKey(p), keyOf(p).toString('base64'), keptFor(p));
      keys.set(p, Buffer.from(agreed, 'base64'));
    }
    const previous = await shared.store.read(storeKey(period - 1));
    if (previous !== null) keys.set(period - 1, Buffer.from(previous, 'base64'));
  }

  return {
    /** The hash to remember now. */
    hash(address: string): string {
      return hashWith(keyOf(periodNow()), address);
    },
    /** Every hash this address may have been remembered under, for matching against what was stored. */
    candidates(address: string): string[] {
      const period = periodNow();
      const previous = keys.get(period - 1);
      return [keyOf(period), ...(previous ? [previous] : [])].map((key) => hashWith(key, address));
    },
    /** Fetches the shared keys now, then every minute (nothing to do on one node). */
    async start(): Promise<void> {
      if (!shared || timer) return;
      await share();
      timer = setInterval(() => void share().catch(() => {}), Math.min(SHARE_EVERY_MS, periodMs / 4));
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

/** An IPv6 client is counted by its /64, which one household or phone usually holds whole. */
function normalise(address: string): string {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (!plain.includes(':')) return plain;
  return expandIpv6(plain).slice(0, 4).join(':');
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array(missing).fill('0'), ...right].map((group) => group.toLowerCase().padStart(4, '0'));
}

/**
 * The client's address on a socket: the handshake's peer, or, behind `proxies` reverse proxies, the address the
 * outermost of them saw, counted from the right of X-Forwarded-For (as Fastify does for HTTP): entries a client
 * wrote there herself are further left and never believed.
 */
export function socketAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  proxies: number,
) {
  if (proxies <= 0) return handshake.address;
  const forwarded = handshake.headers['x-forwarded-for'];
  const entries = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries[Math.max(0, entries.length - proxies)] ?? handshake.address;
}

export type NetworkHasher = ReturnType<typeof createNetworkHasher>;
