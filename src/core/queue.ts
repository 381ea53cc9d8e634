// The waiting queue: who is answered next, each visitor's place, and an honest estimate of her wait.

export interface QueueEntry {
  conversationId: string;
  waitingSince: Date;
  urgent: boolean;
}

export interface Capacity {
  availableCounselors: number;
  totalSlots: number;
  freeSlots: number;
  averageHandleMinutes: number;
}

/** Average length of a conversation, used until the helpline has its own figure: its 30-minute target. */
export const DEFAULT_HANDLE_MINUTES = 30;
/** Fewer recent conversations than this say nothing yet: two short test chats must not promise "1 minute". */
export const MIN_HANDLE_SAMPLE = 10;
/** How many conversations' worth of weight the 30-minute prior keeps once there are enough. */
const PRIOR_WEIGHT = 10;

/**
 * The length of a conversation to plan the queue with, from the recent ones (minutes, any order): their
 * median, which a few seconds-long or hours-long ones do not move, pulled towards the 30-minute prior as if
 * `PRIOR_WEIGHT` conversations of that length were among them; the prior alone below `MIN_HANDLE_SAMPLE`.
 */
export function handleMinutes(recent: readonly number[]): number {
  const lengths = recent.filter((minutes) => Number.isFinite(minutes) && minutes >= 0).sort((a, b) => a - b);
  if (lengths.length < MIN_HANDLE_SAMPLE) return DEFAULT_HANDLE_MINUTES;
  const middle = lengths.length / 2;
  const median =
    lengths.length % 2 === 1
      ? (lengths[Math.floor(middle)] ?? 0)
      : ((lengths[middle - 1] ?? 0) + (lengths[middle] ?? 0)) / 2;
  return (lengths.length * median + PRIOR_WEIGHT * DEFAULT_HANDLE_MINUTES) / (lengths.length + PRIOR_WEIGHT);
}

function compareEntries(a: QueueEntry, b: QueueEntry): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  const waited = a.waitingSince.getTime() - b.waitingSince.getTime();
  if (waited !== 0) return waited;
  // Code-unit order, not localeCompare: the order must not depend on the server's locale.
  if (a.conversationId === b.conversationId) return 0;
  return a.conversationId < b.conversationId ? -1 : 1;
}

/** Urgent first, then whoever has waited longest; the conversation id breaks ties so the order is total. */
export function orderQueue(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort(compareEntries);
}

/** conversationId -> 1-based place in the queue. */
export function queuePositions(entries: readonly QueueEntry[]): Map<string, number> {
  return new Map(orderQueue(entries).map((entry, index) => [entry.conversationId, index + 1]));
}

/**
 * Minutes the visitor at `position` can expect to wait, or null when no counselor is available
 * (any figure would be a lie). The first `freeSlots` visitors are taken at once. Each of the others
 * needs a busy slot to free up: with `totalSlots` slots each freeing on average every
 * `averageHandleMinutes`, slots free at totalSlots / averageHandleMinutes per minute, so the
 * (position - freeSlots)-th freed slot comes after about (position - freeSlots) * averageHandleMinutes / totalSlots.
 * Rounded up: telling someone in distress "2 minutes" and making her wait 5 is worse than the reverse.
 */
export function estimateWaitMinutes(position: number, capacity: Capacity): number | null {
  if (capacity.totalSlots <= 0) return null;
  const stillWaiting = position - capacity.freeSlots;
  if (stillWaiting <= 0) return 0;
  return Math.ceil((stillWaiting * capacity.averageHandleMinutes) / capacity.totalSlots);
}

/**
 * Whether a visitor told to expect `estimateMinutes` would still be waiting at closing time. Unknown
 * estimates (no counselor available) are not called late: the visitor is told that no one is available.
 */
export function waitRunsPastClosing(estimateMinutes: number | null, now: Date, closesAt: Date | null): boolean {
  if (estimateMinutes === null || closesAt === null) return false;
  return now.getTime() + estimateMinutes * 60_000 > closesAt.getTime();
}
