// Refusals counted by reason, as hourly aggregates for the statistics to come: how many new conversations were
// turned away and why, and how often each door (connections, messages, HTTP…) said "wait". Only numbers per
// hour are kept, in the short-lived store, for two days; nothing about who was refused.

import type { Door } from '../../core/door-limits.ts';
import { type ErrorCode, errorStatus, HavreError } from '../../protocol/errors.ts';
import type { Clock } from '../clock.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';

const HOUR_MS = 60 * 60 * 1000;
export const REFUSAL_HOURS_KEPT = 48;

/** Why a new conversation was refused, from the error code that refused it. */
const startReasonByCode: Partial<Record<ErrorCode, string>> = {
  QUEUE_CLOSED: 'closed',
  // A supervisor's pause, the "closing" intake mode and an admin's pause share one neutral code.
  INTAKE_PAUSED: 'paused',
  QUEUE_FULL: 'queue_full',
  RATE_LIMITED: 'rate_limited',
};

/** Admission work codes (WORK_REQUIRED, WORK_INVALID…) count under their own lower-case names. */
const workReasons = (Object.keys(errorStatus) as ErrorCode[])
  .filter((code) => code.startsWith('WORK_'))
  .map((code) => code.toLowerCase());

export const startRefusalReasons = [
  ...new Set([...Object.values(startReasonByCode), 'closure', 'blocked', ...workReasons]),
] as readonly string[];

export const refusalDoors = [
  'handshakes',
  'connections',
  'starts',
  'waiting',
  'visitorMessages',
  'visitorTyping',
  'visitorEvents',
  'staffMessages',
  'staffTyping',
  'staffEvents',
  'api',
  'status',
] as const satisfies readonly Door[];

export interface RefusalHour {
  /** The hour's start, ISO 8601 (UTC). */
  hour: string;
  starts: Record<string, number>;
  doors: Record<string, number>;
}

const TTL_MS = REFUSAL_HOURS_KEPT * HOUR_MS;

interface Deps {
  store: ShortLivedStore;
  clock: Clock;
  /** Also told of every refused start, with its reason: the statistics keep them past two days. */
  onStart?: (reason: string) => void;
}

export function createRefusalCounts({ store, clock, onStart }: Deps) {
  /** Errors already counted under a more precise reason (a block answers with the neutral INTAKE_PAUSED). */
  const tagged = new WeakMap<object, string>();
  const hourOf = (at: number) => Math.floor(at / HOUR_MS);
  const bump = (kind: 'start' | 'door', reason: string) =>
    store.add(`refusals:${kind}:${hourOf(clock.now().getTime())}:${reason}`, 1, TTL_MS).then(() => undefined);

  return {
    /** A door said "wait" (counted by the door guard). */
    door: (door: Door) => bump('door', door),

    /** For a `.catch`: the error stands for `reason` when it refuses a start, and is thrown on. */
    as(reason: string) {
      return (error: unknown): never => {
        if (error instanceof HavreError) tagged.set(error, reason);
        throw error;
      };
    },

    /** The error stands for `reason` when it refuses a start (a closure day says QUEUE_CLOSED too). */
    tag(error: HavreError, reason: string): void {
      tagged.set(error, reason);
    },

    /** A new conversation was refused by `error`; errors that are no refusal (a bad payload, a crash) are not counted. */
    async start(error: unknown): Promise<void> {
      if (!(error instanceof HavreError)) return;
      const reason = tagged.get(error) ?? startReasonByCode[error.code] ?? workReason(error.code);
      if (!reason) return;
      onStart?.(reason);
      await bump('start', reason);
    },

    /** The last `hours` hours with at least one refusal, oldest first. */
    async snapshot(hours = 24): Promise<RefusalHour[]> {
      const now = hourOf(clock.now().getTime());
      const result: RefusalHour[] = [];
      for (let hour = now - Math.min(hours, REFUSAL_HOURS_KEPT) + 1; hour <= now; hour++) {
        const starts = await counts(store, `refusals:start:${hour}`, startRefusalReasons);
        const doors = await counts(store, `refusals:door:${hour}`, refusalDoors);
        if (Object.keys(starts).length + Object.keys(doors).length > 0) {
          result.push({ hour: new Date(hour * HOUR_MS).toISOString(), starts, doors });
        }
      }
      return result;
    },
  };
}

function workReason(code: ErrorCode): string | undefined {
  return code.startsWith('WORK_') ? code.toLowerCase() : undefined;
}

async function counts(store: ShortLivedStore, prefix: string, names: readonly string[]) {
  const found: Record<string, number> = {};
  for (const name of names) {
    const value = await store.count(`${prefix}:${name}`);
    if (value > 0) found[name] = value;
  }
  return found;
}

export type RefusalCounts = ReturnType<typeof createRefusalCounts>;
