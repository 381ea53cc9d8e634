// The visitor's side of the chat. A socket is bound to one conversation by start or resume, and every later
// event acts on that conversation only: a visitor never names a conversation, so she cannot reach another.
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { visitorReadSchema } from '../../protocol/conversation-tools-schema.ts';
import { HavreError } from '../../protocol/errors.ts';
import { visitorEvents } from '../../protocol/events.ts';
import {
  emptySchema,
  typingSchema,
  visitorEndSchema,
  visitorHistorySchema,
  visitorResumeSchema,
  visitorSendSchema,
  visitorStartSchema,
} from '../../protocol/schemas.ts';
import type { AdmissionWork } from '../services/admission-work.ts';
import type { ConversationService } from '../services/conversations.ts';
import type { DoorGuard } from '../services/door-guard.ts';
import type { IntakeModeService } from '../services/intake-mode.ts';
import { type NetworkHasher, socketAddress } from '../services/network-hash.ts';
import type { ReadMarks } from '../services/read-marks.ts';
import type { RefusalCounts } from '../services/refusal-counts.ts';
import { toMessageView, toVisitorConversationView } from '../services/views.ts';
import type { VisitorBlocks } from '../services/visitor-blocks.ts';
import { placeInQueue, type WaitingRoom } from '../services/waiting-room.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';
import type { ConversationRow } from '../storage/schema.ts';
import { acknowledgedEvents } from './acknowledged.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';
import type { VisitorAbsence } from './visitor-absence.ts';

interface Deps {
  namespace: Namespace;
  conversations: ConversationService;
  waitingRoom: WaitingRoom;
  notifier: Notifier;
  staffNamespace: Namespace;
  absence: VisitorAbsence;
  log: Logger;
  readMarks: ReadMarks;
  /** Supervisors may pause intake or close the queue: checked before a conversation is opened. */
  intakeMode: IntakeModeService;
  /** A blocked tab or network is refused before anything else. */
  blocks: VisitorBlocks;
  /** The proof of work a newcomer's page solves before her conversation enters the queue (decision 0017). */
  work: AdmissionWork;
  /** Reverse proxies in front (0: none), as in the config. */
  trustProxy: number;
  /** Limits per socket and per network (decision 0018), refusals counted by reason. */
  doors: DoorGuard;
  networks: NetworkHasher;
  shortLived: ShortLivedStore;
  refusals: RefusalCounts;
}

/** How long a conversation's network is remembered for the waiting-per-network gauge (a long wait at most). */
const WAITING_NETWORK_TTL_MS = 12 * 60 * 60 * 1000;

export function attachVisitorNamespace(deps: Deps) {
  const { namespace, conversations, waitingRoom, notifier, staffNamespace, absence, log } = deps;
  async function view(conversation: ConversationRow) {
    if (conversation.status !== 'waiting') return toVisitorConversationView(conversation);
    return toVisitorConversationView(conversation, placeInQueue(await waitingRoom.snapshot(), conversation.id));
  }

  // Starts per network, then how many of this network's conversations still wait: the queue itself says which
  // wait, so a conversation taken, ended or closed stops counting without any gauge to keep in step.
  async function admitFromNetwork(network: string) {
    await deps.doors.take('starts', network);
    const { entries } = await waitingRoom.snapshot();
    let waitingNow = 0;
    for (const { conversationId } of entries) {
      if ((await deps.shortLived.read(`waiting-network:${conversationId}`)) === network) waitingNow += 1;
    }
    await deps.doors.waiting(waitingNow);
  }

  namespace.on('connection', (socket: Socket) => {
    let conversationId: string | null = null;
    let starting = false;

    // Every conversation this socket lets go of is watched, so that none is left waiting with nobody there:
    // the one it switches away from, and one it obtained after the tab had already gone.
    const bind = (conversation: ConversationRow) => {
      if (socket.disconnected) return absence.left(conversation.id);
      if (conversationId && conversationId !== conversation.id) {
        socket.leave(rooms.visitor(conversationId));
        absence.left(conversationId);
      }
      conversationId = conversation.id;
      socket.join(rooms.visitor(conversation.id));
      if (conversation.status !== 'closed') absence.back(conversation.id);
    };
    const bound = (): string => {
      if (!conversationId) throw new HavreError('CONVERSATION_NOT_STARTED', 'start or resume a conversation first');
      return conversationId;
    };
    const on = acknowledgedEvents(socket, log);
    const { doors } = deps;
    const perSocket = (door: 'visitorMessages' | 'visitorTyping' | 'visitorEvents') => ({
      limit: () => doors.take(door, socket.id),
    });
    socket.on('disconnect', () => {
      if (conversationId) absence.left(conversationId);
    });

    on(visitorEvents.challenge, emptySchema, async () => ({ challenge: deps.work.challenge(socket.id) }));

    on(visitorEvents.start, visitorStartSchema, async ({ locale, intake, tab, work }) => {
      if (conversationId || starting) {
        throw new HavreError('ALREADY_IN_CONVERSATION', 'this tab already holds a conversation');
      }
      starting = true;
      // The address is hashed in memory, never kept.
      const address = socketAddress(socket.handshake, deps.trustProxy);
      const network = deps.networks.hash(address);
      const started = deps.work
        .verify(work, socket.id)
        .then(() => deps.blocks.admit(tab, address))
        .then(() => deps.intakeMode.admitNewcomer())
        .then(() => admitFromNetwork(network))
        .then(() => conversations.start(locale ?? 'fr', intake));
      const { token, conversation } = await started
        .catch(async (error: unknown) => {
          await deps.refusals.start(error);
          throw error;
        })
        .finally(() => {
          starting = false;
        });
      await deps.shortLived.put(`waiting-network:${conversation.id}`, network, WAITING_NETWORK_TTL_MS);
      await deps.blocks.remember(conversation.id, tab, address);
      bind(conversation);
      notifier.queueChanged();
      return { token, conversation: await view(conversation) };
    });

    on(visitorEvents.resume, visitorResumeSchema, async ({ token, afterSeq }) => {
      const conversation = await conversations.resume(token);
      bind(conversation);
      const messages = await conversations.history(conversation.id, afterSeq);
      return { conversation: await view(conversation), messages: messages.map(toMessageView) };
    });

    on(
      visitorEvents.send,
      visitorSendSchema,
      async ({ clientId, text }) => {
        const sent = await conversations.sendAsVisitor(bound(), clientId, text);
        if (sent.created) notifier.message(sent.conversation, sent.message);
        return { message: toMessageView(sent.message) };
      },
      perSocket('visitorMessages'),
    );

    on(visitorEvents.history, visitorHistorySchema, async ({ afterSeq }) => {
      const messages = await conversations.history(bound(), afterSeq);
      return { messages: messages.map(toMessageView) };
    });

    on(
      visitorEvents.typing,
      typingSchema,
      async ({ typing }) => {
        const conversation = await conversations.byId(bound());
        if (conversation?.status === 'active' && conversation.counselor_id) {
          staffNamespace
            .to(rooms.staff(conversation.counselor_id))
            .emit(visitorEvents.typing, { conversationId: conversation.id, typing });
        }
        return {};
      },
      perSocket('visitorTyping'),
    );

    // Her page is visible with the messages up to `seq`: her counselor sees "Lu" under hers.
    on(
      visitorEvents.read,
      visitorReadSchema,
      async ({ seq }) => {
        const moved = await deps.readMarks.byVisitor(bound(), seq);
        if (moved?.counselor_id) {
          const mark = { conversationId: moved.id, seq: moved.visitor_read_seq };
          staffNamespace.to(rooms.staff(moved.counselor_id)).emit(visitorEvents.read, mark);
        }
        return {};
      },
      perSocket('visitorEvents'),
    );

    on(visitorEvents.end, visitorEndSchema, async ({ reason }) => {
      const conversation = await conversations.endByVisitor(bound(), reason === 'quick_exit');
      notifier.conversation(conversation);
      notifier.queueChanged();
      return { conversation: toVisitorConversationView(conversation) };
    });
  });
}
