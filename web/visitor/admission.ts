// What the home and waiting screens must tell her before and while she waits: whether a new conversation
// would be turned away (paused, queue full), whether the wait runs past closing time, and the wait in words.
import type { ScheduleStatusView } from '../../src/protocol/views.ts';
import type { Problem } from './conversation-client.ts';

/** The one notice of the home screen while the chat is open; null when she can simply start. */
export type HomeNotice = 'paused' | 'full' | 'past-closing' | null;

/**
 * A refusal from her own attempt wins over the status, which may be up to a minute old; a closed chat is said
 * by the status line and the closed-queue problem, not here.
 */
export function homeNotice(
  status: Pick<ScheduleStatusView, 'open' | 'admission' | 'waitExceedsClosing'>,
  problem: Problem,
): HomeNotice {
  if (!status.open || problem === 'queue-closed') return null;
  if (problem === 'intake-paused') return 'paused';
  if (problem === 'queue-full') return 'full';
  if (status.admission.paused) return 'paused';
  if (status.admission.full) return 'full';
  return status.waitExceedsClosing ? 'past-closing' : null;
}

/** Whether the start button is offered: open, and neither paused nor full. */
export function canStart(notice: HomeNotice): boolean {
  return notice === null || notice === 'past-closing';
}

export type WaitWords =
  | { key: 'waiting.unknown' | 'waiting.soon' | 'waiting.long' }
  | { key: 'waiting.estimate'; minutes: number };

/** An estimate in minutes, in words: none, "in a moment", "about n minutes", "more than an hour". */
export function waitWords(minutes: number | null): WaitWords {
  if (minutes === null) return { key: 'waiting.unknown' };
  if (minutes < 1) return { key: 'waiting.soon' };
  if (minutes > 60) return { key: 'waiting.long' };
  return { key: 'waiting.estimate', minutes: Math.round(minutes) };
}
