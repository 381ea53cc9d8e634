// Closing time, told honestly (issue 10, item 3). When the chat closes, those already waiting are still served
// for the minutes the admins grant (`servePastClosingMinutes`); each waiting visitor's page is told at once
// until when. Once that time has passed (at once with 0, or when a closure starts), the conversations still
// waiting are closed as `turned_away_at_closing`, and each visitor reads why, with the next opening and the
// emergency numbers. Runs every 15 s; several nodes may run it at once (closing a waiting conversation twice
// changes nothing).
import type { Logger } from 'pino';
import { closingTime } from '../../core/schedule.ts';
import type { Clock } from '../clock.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { SettingsService } from '../services/settings.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import { periodicJob } from './periodic-job.ts';

export const CLOSING_EVERY_MS = 15_000;

interface Deps {
  conversations: Pick<ConversationRepository, 'turnAwayWaiting'>;
  settings: SettingsService;
  notifier: Pick<Notifier, 'conversation' | 'queueChanged'>;
  clock: Clock;
  log: Logger;
}

export function createClosingJob({
  conversations,
  settings,
  notifier,
  clock,
  log,
  leader,
}: Deps & { leader?: () => boolean }) {
  /** The serving time waiting visitors were last told (ISO), so that the change reaches them once. */
  let told: string | null = null;

  /** Closes what closing time says must close; returns how many conversations it turned away. */
  async function runNow(): Promise<number> {
    const { schedule, servePastClosingMinutes } = await settings.current();
    const now = clock.now();
    const closing = closingTime(schedule, now, servePastClosingMinutes);
    const servingUntil = closing.servingUntil?.toISOString() ?? null;
    if (servingUntil !== told) {
      told = servingUntil;
      notifier.queueChanged();
    }
    if (!closing.turnAway) return 0;
    const ended = await conversations.turnAwayWaiting(now);
    for (const conversation of ended) notifier.conversation(conversation);
    if (ended.length > 0) {
      notifier.queueChanged();
      log.info({ count: ended.length }, 'closing time: conversations still waiting were closed');
    }
    return ended.length;
  }

  return { runNow, ...periodicJob({ name: 'closing-time run', everyMs: CLOSING_EVERY_MS, log, leader }, runNow) };
}

export type ClosingJob = ReturnType<typeof createClosingJob>;
