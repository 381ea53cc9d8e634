// Slows password guessing without letting anyone lock a colleague out (decisions 0010 and 0025).
// From a browser that has logged in to that account before (the caller says so, from a signed cookie),
// failures are counted for that account's own browsers only: nothing anyone else does, on her network or
// anywhere, slows her there. From any other browser, three ways:
// - per account *and* network: guesses against Alice from network X slow only network X's tries for Alice, so
//   someone who knows her username cannot keep her out from her own network;
// - per network, across accounts: a network that tries many accounts is slowed as a whole;
// - per account, across networks: a guesser spread over many networks is paced (one try per 30 s once the
//   free ones are spent), never locked out for longer than that pace.
// An attempt is counted as a failure when it starts, and taken back if it succeeds: a burst of attempts sent
// at once cannot all slip through before the first failure is known.
// Pure: time comes from `now`, keys are opaque strings (the caller passes pseudonyms, never addresses).

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** A counter with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export interface ThrottleRules {
  pair: ThrottleRule;
  network: ThrottleRule;
  account: ThrottleRule;
  /** The account's own browsers, wherever they are. */
  device: ThrottleRule;
}

const MINUTE = 60_000;

export const defaultThrottleRules: ThrottleRules = {
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  network: { free: 20, baseMs: MINUTE, maxMs: 60 * MINUTE, forgetAfterMs: 60 * MINUTE },
  // A pace, not a lock: the wait does not grow, so that her first login from a new browser during a distributed
  // attack waits 30 s at most per try, while the guesser gets 120 tries an hour across all its networks.
  account: { free: 10, baseMs: 30_000, maxMs: 30_000, forgetAfterMs: 60 * MINUTE },
  device: { free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
};

export interface Counter {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

/** Where the counters live: a map in memory, or (several nodes) a copy loaded from the shared store. */
export type CounterBook = Pick<Map<string, Counter>, 'get' | 'set' | 'delete'> & { size?: number };

/** The counters an attempt reads and changes, each with its rule. */
export function throttleKeys(
  account: string,
  network: string,
  trustedDevice: boolean,
  rules: ThrottleRules = defaultThrottleRules,
): [string, ThrottleRule][] {
  if (trustedDevice) return [[`d\u0000${account}`, rules.device]];
  return [
    [`p\u0000${account}\u0000${network}`, rules.pair],
    [`n\u0000${network}`, rules.network],
    [`a\u0000${account}`, rules.account],
  ];
}

/** How long a counter must be kept: while it blocks, and until it is forgotten. */
export const keepCounterFor = (counter: Counter, rule: ThrottleRule, at: number): number =>
  Math.max(counter.blockedUntil, counter.lastFailureAt + rule.forgetAfterMs) - at;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Above this many counters, stale ones are dropped, so that a flood of made-up names cannot fill memory. */
const PRUNE_ABOVE = 10_000;

export function createLoginThrottle({
  now,
  rules = defaultThrottleRules,
  counters = new Map<string, Counter>(),
}: {
  now: () => number;
  rules?: ThrottleRules;
  counters?: CounterBook;
}) {
  const keysFor = (account: string, network: string, trustedDevice: boolean) =>
    throttleKeys(account, network, trustedDevice, rules);

  const live = (key: string, rule: ThrottleRule, at: number): Counter | null => {
    const counter = counters.get(key);
    if (!counter) return null;
    if (counter.blockedUntil <= at && at - counter.lastFailureAt >= rule.forgetAfterMs) {
      counters.delete(key);
      return null;
    }
    return counter;
  };

  const prune = (at: number) => {
    if (!(counters instanceof Map) || counters.size <= PRUNE_ABOVE) return;
    for (const [key, counter] of counters) {
      if (counter.blockedUntil <= at && at - counter.lastFailureAt >= rules.pair.forgetAfterMs) counters.delete(key);
    }
  };

  return {
    /**
     * Whether a login attempt for `account` from `network` may be checked now. When it may, it is counted as a
     * failure at once; `succeeded` takes that back.
     */
    attempt(account: string, network: string, trustedDevice = false): ThrottleVerdict {
      const at = now();
      const keys = keysFor(account, network, trustedDevice);
      let wait = 0;
      for (const [key, rule] of keys) {
        const counter = live(key, rule, at);
        if (counter) wait = Math.max(wait, counter.blockedUntil - at);
      }
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
      for (const [key, rule] of keys) {
        const counter = live(key, rule, at) ?? { failures: 0, lastFailureAt: at, blockedUntil: 0 };
        counter.failures += 1;
        counter.lastFailureAt = at;
        const over = counter.failures - rule.free;
        if (over > 0) counter.blockedUntil = at + Math.min(rule.baseMs * 2 ** (over - 1), rule.maxMs);
        counters.set(key, counter);
      }
      prune(at);
      return { allowed: true };
    },

    /** The attempt went through: this network's slate is clean for this account, and the attempt not counted. */
    succeeded(account: string, network: string, trustedDevice = false): void {
      const at = now();
      for (const [key, rule] of keysFor(account, network, trustedDevice)) {
        const counter = live(key, rule, at);
        if (!counter) continue;
        counter.failures -= 1;
        if (key.startsWith('p\u0000') || key.startsWith('d\u0000') || counter.failures <= 0) counters.delete(key);
        else if (counter.failures <= rule.free) counter.blockedUntil = 0;
      }
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
