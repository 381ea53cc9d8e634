// A visitor whose connection goes (decisions 0006 and 0026). While she waits: a visitor whose connection goes (a phone that suspends the tab, a tunnel, a switch from Wi-Fi to
// mobile data, a reload, a restart of Havre) keeps her place for `placeKeptMs` (10 minutes by default,
// decision 0006). While no tab of hers is connected she is marked absent in the database: taking the next
// person, and automatic assignment, skip her on every node, so that no counselor is given an empty chair.
// When a tab of hers is back she is where she was. Past that time her place is given up as
// `connection_lost`, and her page says so when it comes back, with a way to rejoin. In an active conversation
// she is marked the same way, so that her counselor sees since when she is gone; the presence job
// (jobs/presence-job.ts) ends it as `visitor_left` past the admins' limit.
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Clock } from '../clock.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';

export const DEFAULT_PLACE_KEPT_MS = 10 * 60_000;

interface Deps {
  namespace: Namespace;
  conversations: Pick<
    ConversationRepository,
    'markAbsent' | 'markPresent' | 'closeIfStillAbsent' | 'markAllWaitingAbsent'
  >;
  notifier: Notifier;
  clock: Clock;
  placeKeptMs: number;
  log: Logger;
}

export function createVisitorAbsence({ namespace, conversations, notifier, clock, placeKeptMs, log }: Deps) {
  const timers = new Map<string, NodeJS.Timeout>();
  const logged = (work: () => Promise<void>) => () => {
    work().catch((error: unknown) => log.error({ err: error }, 'absence check failed'));
  };
  const present = async (conversationId: string) =>
    (await namespace.in(rooms.visitor(conversationId)).fetchSockets()).length > 0;

  /** The queue shows who is absent; her counselor sees it in the conversation. */
  const changed = (row: ConversationRow | undefined) => {
    if (!row) return;
    if (row.status === 'waiting') notifier.queueChanged();
    else notifier.conversation(row);
  };

  async function markPresent(conversationId: string): Promise<void> {
    changed(await conversations.markPresent(conversationId));
  }

  async function expire(conversationId: string): Promise<void> {
    timers.delete(conversationId);
    // She came back through a path that raced with her leaving: she is here, so she is not absent.
    if (await present(conversationId)) return markPresent(conversationId);
    const lost = await conversations.closeIfStillAbsent(conversationId, clock.now());
    if (!lost) return;
    notifier.conversation(lost);
    notifier.queueChanged();
  }

  function expireIn(conversationId: string, ms: number): void {
    clearTimeout(timers.get(conversationId));
    const timer = setTimeout(
      logged(() => expire(conversationId)),
      Math.max(0, ms),
    );
    timer.unref();
    timers.set(conversationId, timer);
  }

  async function left(conversationId: string): Promise<void> {
    if (await present(conversationId)) return;
    changed(await conversations.markAbsent(conversationId, clock.now()));
    // A tab that came back while this was being written must not stay marked absent.
    if (await present(conversationId)) return markPresent(conversationId);
    expireIn(conversationId, placeKeptMs);
  }

  return {
    /** A socket bound to this conversation went away. */
    left: (conversationId: string) => logged(() => left(conversationId))(),

    /** A tab of hers is bound to this conversation again. */
    back: (conversationId: string) =>
      logged(async () => {
        clearTimeout(timers.get(conversationId));
        timers.delete(conversationId);
        await markPresent(conversationId);
      })(),

    /** After a start, every waiting visitor is away until she reconnects, and keeps her place as long. */
    async watchAllWaiting(): Promise<void> {
      const now = clock.now().getTime();
      for (const { id, absent_since } of await conversations.markAllWaitingAbsent(clock.now())) {
        expireIn(id, placeKeptMs - (now - (absent_since?.getTime() ?? now)));
      }
    },

    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type VisitorAbsence = ReturnType<typeof createVisitorAbsence>;
