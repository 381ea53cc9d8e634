// A waiting visitor whose tab has gone (closed, crashed, or a phone that never came back) would otherwise
// stay in the queue and a counselor would take an empty chair. When no socket of hers has been connected for
// a grace period, her place is given up (`abandoned_in_queue`). The grace is long enough for a reload, a
// network change or a server restart: she reconnects within seconds and keeps her place.
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { ConversationService } from '../services/conversations.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';

export const DEFAULT_VISITOR_GRACE_MS = 90_000;

interface Deps {
  namespace: Namespace;
  conversations: ConversationService;
  notifier: Notifier;
  graceMs: number;
  log: Logger;
}

export function createVisitorAbsence({ namespace, conversations, notifier, graceMs, log }: Deps) {
  const timers = new Map<string, NodeJS.Timeout>();

  async function check(conversationId: string): Promise<void> {
    timers.delete(conversationId);
    const present = await namespace.in(rooms.visitor(conversationId)).fetchSockets();
    if (present.length > 0) return;
    const abandoned = await conversations.abandonIfWaiting(conversationId);
    if (!abandoned) return;
    notifier.conversation(abandoned);
    notifier.queueChanged();
  }

  function watch(conversationId: string): void {
    clearTimeout(timers.get(conversationId));
    const timer = setTimeout(() => {
      check(conversationId).catch((error: unknown) => log.error({ err: error }, 'absence check failed'));
    }, graceMs);
    timer.unref();
    timers.set(conversationId, timer);
  }

  return {
    /** A socket bound to this conversation went away. */
    left: watch,

    /** After a start, every waiting visitor gets the grace period to reconnect. */
    async watchAllWaiting(): Promise<void> {
      for (const id of await conversations.waitingIds()) watch(id);
    },

    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type VisitorAbsence = ReturnType<typeof createVisitorAbsence>;
