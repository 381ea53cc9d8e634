// The login throttle (core/login-throttle.ts) where the nodes can all see it. On one node its counters stay in
// memory, as before. In cluster mode (decision 0029) they live in the short-lived store, so that a guesser
// spread over several nodes meets one count, not one per node: an attempt locks its counters there (in a fixed
// order, so that two attempts never wait on each other in a cycle), reads them, applies the same rules, writes
// them back with their expiry and unlocks. Counters are keyed by the account's hash and the network's
// pseudonym, never a name or an address.
import {
  type Counter,
  createLoginThrottle,
  defaultThrottleRules,
  keepCounterFor,
  type ThrottleRules,
  type ThrottleVerdict,
  throttleKeys,
} from '../../core/login-throttle.ts';
import type { Clock } from '../clock.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';

export interface LoginThrottle {
  /** Whether this attempt may be checked now; when it may, it is already counted as a failure. */
  attempt(account: string, network: string, trustedDevice: boolean): Promise<ThrottleVerdict>;
  /** The attempt went through: take it back. */
  succeeded(account: string, network: string, trustedDevice: boolean): Promise<void>;
}

/** A lock is held for one read and one write; past this it is taken for abandoned (its node died). */
const LOCK_MS = 2_000;
const LOCK_TRIES = 50;
const LOCK_PAUSE_MS = 20;

export function memoryLoginThrottle(clock: Clock, rules: ThrottleRules = defaultThrottleRules): LoginThrottle {
  const throttle = createLoginThrottle({ now: () => clock.now().getTime(), rules });
  return {
    attempt: async (account, network, trusted) => throttle.attempt(account, network, trusted),
    succeeded: async (account, network, trusted) => throttle.succeeded(account, network, trusted),
  };
}

export function sharedLoginThrottle(
  store: Pick<ShortLivedStore, 'claim' | 'read' | 'put' | 'remove'>,
  clock: Clock,
  rules: ThrottleRules = defaultThrottleRules,
): LoginThrottle {
  const storeKey = (key: string) => `login:${key.replaceAll('\u0000', ':')}`;

  async function locked<T>(keys: string[], work: () => Promise<T>): Promise<T | null> {
    const ordered = [...keys].sort();
    for (let attempt = 0; attempt < LOCK_TRIES; attempt += 1) {
      const held: string[] = [];
      for (const key of ordered) {
        if (!(await store.claim(`lock:${storeKey(key)}`, LOCK_MS))) break;
        held.push(key);
      }
      if (held.length === ordered.length) {
        try {
          return await work();
        } finally {
          await Promise.all(held.map((key) => store.remove(`lock:${storeKey(key)}`)));
        }
      }
      await Promise.all(held.map((key) => store.remove(`lock:${storeKey(key)}`)));
      await new Promise((resolve) => setTimeout(resolve, LOCK_PAUSE_MS));
    }
    return null;
  }

  /** Loads the counters, lets the core's rules change them, and writes back what changed. */
  async function withCounters<T>(
    account: string,
    network: string,
    trusted: boolean,
    apply: (throttle: ReturnType<typeof createLoginThrottle>) => T,
  ): Promise<T | null> {
    const keys = throttleKeys(account, network, trusted, rules);
    return locked(
      keys.map(([key]) => key),
      async () => {
        const book = new Map<string, Counter>();
        for (const [key] of keys) {
          const stored = await store.read(storeKey(key));
          if (stored !== null) book.set(key, JSON.parse(stored) as Counter);
        }
        const at = clock.now().getTime();
        const answer = apply(createLoginThrottle({ now: () => at, rules, counters: book }));
        for (const [key, rule] of keys) {
          const counter = book.get(key);
          if (counter) await store.put(storeKey(key), JSON.stringify(counter), keepCounterFor(counter, rule, at));
          else await store.remove(storeKey(key));
        }
        return answer;
      },
    );
  }

  return {
    async attempt(account, network, trusted) {
      const verdict = await withCounters(account, network, trusted, (throttle) =>
        throttle.attempt(account, network, trusted),
      );
      // Counters held by other attempts for a whole second: a burst, answered as one.
      return verdict ?? { allowed: false, retryAfterMs: 1_000 };
    },
    async succeeded(account, network, trusted) {
      await withCounters(account, network, trusted, (throttle) => throttle.succeeded(account, network, trusted));
    },
  };
}
