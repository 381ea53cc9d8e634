// The statistics' vocabulary (issue 13; decision 0027): what is counted, per hour, as plain numbers. A count is
// a name and a value in an hour; histograms are counts per bucket. Nothing here can name a visitor: no id,
// no exact time, no text. Pure, no I/O.
import type { ClosedReason } from '../protocol/views.ts';

/** Upper bounds of the minute buckets of waits and conversation lengths; the last bucket is open. */
export const MINUTE_BUCKETS = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90] as const;

/** The bucket of a duration in minutes: 0 for "under 1", MINUTE_BUCKETS.length for "90 and more". */
export function bucketOf(minutes: number): number {
  const index = MINUTE_BUCKETS.findIndex((bound) => minutes < bound);
  return index < 0 ? MINUTE_BUCKETS.length : index;
}

/** The start of the hour (UTC) holding `at`: helpline time zones are whole hours from UTC, so the hours agree. */
export function hourOf(at: Date): Date {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

/** Ends of a conversation still waiting that count as "gave up in the queue". */
export const abandonReasons: ReadonlySet<ClosedReason> = new Set([
  'abandoned_in_queue',
  'visitor_left',
  'visitor_left_quickly',
  'connection_lost',
]);

/**
 * The names counted. Histogram names end with `.b<bucket>`; sums of seconds end with `_seconds`.
 * - `visit.open`, `visit.closed`: the visitor page opened while the chat was open, or closed.
 * - `request`: a new conversation asked for; `refused.<reason>`: refused, by reason; `admitted`: in the queue.
 * - `served`: taken by a counselor for the first time; `wait.b<n>`, `wait_seconds`: how long she had waited.
 * - `abandoned`, `abandon.b<n>`, `abandon_seconds`: gave up in the queue, and after how long.
 * - `turned_away`, `turned_away_seconds`: still waiting when the chat closed.
 * - `closed_waiting.<reason>`: ended while waiting otherwise (`raid_wave`: a supervisor's raid wave).
 * - `ended`, `length.b<n>`, `length_seconds`: a conversation that had been answered ended, and its length.
 * - `transferred`, `taken_over` (by a supervisor), `handed_back` (her counselor gone), `reassigned` (answered
 *   again after a hand-back).
 * - `staffed_minutes`, `capacity_minutes`, `busy_minutes`: counselors available, conversations they could
 *   hold, conversations held, each summed minute by minute.
 * - `form.filed`, `form.<question>.<category>`: closing forms and their answers.
 * - `survey.<answer>`: the visitor's answer to "Did this help?", counted in its day's first hour (UTC).
 */
export type StatName = string;

export const histogramName = (prefix: 'wait' | 'abandon' | 'length', minutes: number): StatName =>
  `${prefix}.b${bucketOf(minutes)}`;

/** A histogram's counts, bucket by bucket, read with `count` (a name's total, wherever it is kept). */
export function histogramCounts(prefix: 'wait' | 'abandon' | 'length', count: (name: string) => number): number[] {
  return Array.from({ length: MINUTE_BUCKETS.length + 1 }, (_, bucket) => count(`${prefix}.b${bucket}`));
}

/** A percentile (0–1) of a histogram over MINUTE_BUCKETS, interpolated in its bucket; null when empty. */
export function histogramPercentile(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = p * total;
  let below = 0;
  for (let bucket = 0; bucket < counts.length; bucket += 1) {
    const n = counts[bucket] ?? 0;
    if (n > 0 && below + n >= rank) {
      const low = bucket === 0 ? 0 : (MINUTE_BUCKETS[bucket - 1] ?? 0);
      const high = MINUTE_BUCKETS[bucket];
      // The last bucket has no top: the figure is "90 minutes or more", said as its floor.
      if (high === undefined) return low;
      return low + ((rank - below) / n) * (high - low);
    }
    below += n;
  }
  return MINUTE_BUCKETS.at(-1) ?? null;
}
