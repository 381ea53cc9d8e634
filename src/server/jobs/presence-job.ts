// Nobody left alone (decision 0026), every 2 s on every node (each step is one guarded update, so several
// nodes may run it at once): an active conversation whose counselor has had no console connected for
// `handBackSeconds` goes back to the head of the queue, the visitor told in one neutral line; one whose visitor
// has had no tab connected for `visitorGoneSeconds` ends as `visitor_left`, freeing the counselor's place.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { AuditLog } from '../services/audit-log.ts';
import type { ConversationService } from '../services/conversations.ts';
import type { SettingsService } from '../services/settings.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import { periodicJob } from './periodic-job.ts';

export const PRESENCE_EVERY_MS = 2_000;

/** What the visitor reads, in her language: nothing about why, nothing about who. */
export const handBackText: Record<string, string> = {
  fr: 'Votre conseillère a perdu la connexion. Vous êtes de nouveau en tête de la file : une autre conseillère va vous répondre.',
  en: 'Your counselor lost her connection. You are first in the queue again: another counselor will answer you.',
};

interface Deps {
  repository: Pick<ConversationRepository, 'handBackAbandoned' | 'closeGoneVisitors'>;
  conversations: Pick<ConversationService, 'noticeIfOpen'>;
  settings: SettingsService;
  notifier: Notifier;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
}

export function createPresenceJob({
  repository,
  conversations,
  settings,
  notifier,
  audit,
  clock,
  log,
  leader,
}: Deps & { leader?: () => boolean }) {
  async function runNow(): Promise<void> {
    const { presence } = await settings.current();
    const now = clock.now();
    const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

    const handedBack = await repository.handBackAbandoned(before(presence.handBackSeconds), now);
    for (const { conversation, from } of handedBack) {
      const sent = await conversations.noticeIfOpen(conversation.id, handBackText[conversation.locale] ?? '');
      if (sent) notifier.message(sent.conversation, sent.message);
      notifier.conversation(sent?.conversation ?? conversation);
      await audit.record(null, 'conversation.handed_back', { type: 'conversation', id: conversation.id }, { from });
    }

    const gone = await repository.closeGoneVisitors(before(presence.visitorGoneSeconds), now);
    for (const conversation of gone) notifier.conversation(conversation);

    if (handedBack.length + gone.length > 0) {
      notifier.queueChanged();
      log.info({ handedBack: handedBack.length, visitorsGone: gone.length }, 'presence: conversations moved on');
    }
  }

  return { runNow, ...periodicJob({ name: 'presence run', everyMs: PRESENCE_EVERY_MS, log, leader }, runNow) };
}

export type PresenceJob = ReturnType<typeof createPresenceJob>;
