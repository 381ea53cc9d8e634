// The one place a door says "wait": every rate limit and gauge is kept in the short-lived store under a
// pseudonymous key (a network hash, a socket id), read against the limits in force (raid mode's when it is
// on), and a refusal is a RATE_LIMITED error with the wait, counted by door. Nothing about who was refused.
import { type Door, type DoorLimitSet, type DoorLimits, doorLimitsNow, type RateDoor } from '../../core/door-limits.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';
import type { RefusalCounts } from './refusal-counts.ts';

interface Deps {
  store: ShortLivedStore;
  limits: DoorLimitSet;
  raidMode: () => boolean;
  refusals: RefusalCounts;
}

/** A gauge entry outlives any socket or wait; it is only a safety net if a decrement were ever missed. */
const GAUGE_TTL_MS = 6 * 60 * 60 * 1000;

export function createDoorGuard({ store, limits, raidMode, refusals }: Deps) {
  const now = (): DoorLimits => doorLimitsNow(limits, raidMode());
  const refuse = async (door: Door, retryAfterMs: number): Promise<never> => {
    await refusals.door(door);
    throw new HavreError('RATE_LIMITED', 'too many requests, wait a moment', { retryAfterMs });
  };

  return {
    limits: now,

    /** Takes one token from `door`'s bucket for `key`, or throws RATE_LIMITED with the wait. */
    async take(door: RateDoor, key: string): Promise<void> {
      const taken = await store.take(`door:${door}:${key}`, now()[door]);
      if (!taken.allowed) await refuse(door, taken.retryAfterMs);
    },

    /** Counts one more open connection of a network, or throws when the network already holds its share. */
    async open(networkHash: string): Promise<void> {
      const key = `door:connections:${networkHash}`;
      if ((await store.count(key)) >= now().connections) await refuse('connections', 5_000);
      await store.add(key, 1, GAUGE_TTL_MS);
    },
    async closed(networkHash: string): Promise<void> {
      await store.add(`door:connections:${networkHash}`, -1, GAUGE_TTL_MS);
    },
    /** Throws when `waitingNow` of this network's conversations already wait. */
    async waiting(waitingNow: number): Promise<void> {
      if (waitingNow >= now().waiting) await refuse('waiting', 30_000);
    },
  };
}

export type DoorGuard = ReturnType<typeof createDoorGuard>;
