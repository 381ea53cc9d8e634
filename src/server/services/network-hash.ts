// A short-lived pseudonym for the network a request comes from, so that abuse can be throttled or blocked
// without ever storing an address. The key lives in memory only and is replaced every period (24 h); the
// previous key is kept one more period, so a hash taken now matches the same network for at least one full
// period, and no hash can be tied to an address once both keys are gone (or the process restarts).
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const NETWORK_HASH_PERIOD_MS = 24 * 60 * 60 * 1000;

interface PeriodKey {
  period: number;
  key: Buffer;
}

export function createNetworkHasher(clock: Clock, periodMs = NETWORK_HASH_PERIOD_MS) {
  let current: PeriodKey | null = null;
  let previous: PeriodKey | null = null;

  const keys = (): PeriodKey[] => {
    const period = Math.floor(clock.now().getTime() / periodMs);
    if (!current || current.period !== period) {
      previous = current && current.period === period - 1 ? current : null;
      current = { period, key: randomBytes(32) };
    }
    return previous ? [current, previous] : [current];
  };
  const hashWith = (key: Buffer, address: string) =>
    createHmac('sha256', key).update(normalise(address)).digest('base64url').slice(0, 22);

  return {
    /** The hash to remember now. */
    hash(address: string): string {
      const [now] = keys();
      return hashWith((now as PeriodKey).key, address);
    },
    /** Every hash this address may have been remembered under, for matching against what was stored. */
    candidates(address: string): string[] {
      return keys().map(({ key }) => hashWith(key, address));
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
