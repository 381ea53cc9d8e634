// Pushes changes to the people concerned: a new message to both sides of its conversation, a status change
// to the visitor and her counselor, and queue changes (coalesced) to every waiting visitor and all staff.
// Messages and status changes go through the adapter to whichever node holds the sockets; a queue change is
// told to the other nodes instead (decision 0029), and each node broadcasts the queue to its own sockets: one
// small notice on the bus rather than a view per waiting visitor.
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import { staffEvents, supervisionEvents, visitorEvents } from '../../protocol/events.ts';
import type { VisitorConversationView } from '../../protocol/views.ts';
import type { ClusterBus } from '../cluster/cluster-bus.ts';
import type { StaffNames } from '../services/staff-names.ts';
import {
  type PlainMessage,
  toMessageView,
  toStaffConversationView,
  toStaffMessageView,
  toVisitorConversationView,
} from '../services/views.ts';
import { placeInQueue, toQueueView, type WaitingRoom } from '../services/waiting-room.ts';
import type { ConversationRow } from '../storage/schema.ts';
import { rooms, supervisionRooms } from './rooms.ts';

/** Queue changes come in bursts (a raid, a counselor taking several visitors); one broadcast per burst. */
const QUEUE_COALESCE_MS = 50;

interface Deps {
  visitors: Namespace;
  staff: Namespace;
  waitingRoom: WaitingRoom;
  log: Logger;
  staffNames: StaffNames;
  bus: ClusterBus;
}

export function createNotifier({ visitors, staff, waitingRoom, staffNames, log, bus }: Deps) {
  let queueTimer: NodeJS.Timeout | null = null;
  let toldTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  /** Told after each coalesced queue broadcast (the supervision board rides on the same burst). */
  const queueListeners = new Set<() => Promise<void>>();

  async function broadcastQueue(): Promise<void> {
    const snapshot = await waitingRoom.snapshot();
    staff.local.to(rooms.allStaff).emit(staffEvents.queue, toQueueView(snapshot));
    for (const entry of snapshot.entries) {
      const view: VisitorConversationView = {
        status: 'waiting',
        closedReason: null,
        urgent: entry.urgent,
        lastSeq: snapshot.lastSeqs.get(entry.conversationId) ?? 0,
        counselorReadSeq: 0,
        counselorAway: false,
        handedBack: snapshot.handedBack.has(entry.conversationId),
        ...placeInQueue(snapshot, entry.conversationId),
      };
      visitors.local.to(rooms.visitor(entry.conversationId)).emit(visitorEvents.state, view);
    }
    for (const listener of queueListeners) await listener();
  }

  bus.on('queue', () => broadcastHere());

  return {
    message(conversation: ConversationRow, message: PlainMessage): void {
      visitors.to(rooms.visitor(conversation.id)).emit(visitorEvents.message, toMessageView(message));
      // Staff see who wrote it; every live message comes from a connected console, whose name is known.
      const view = toStaffMessageView(message, staffNames);
      if (conversation.counselor_id) {
        staff
          .to(rooms.staff(conversation.counselor_id))
          .emit(staffEvents.message, { conversationId: conversation.id, message: view });
      }
      staff
        .to(supervisionRooms.watching(conversation.id))
        .emit(supervisionEvents.message, { conversationId: conversation.id, message: view });
    },

    conversation(conversation: ConversationRow): void {
      visitors.to(rooms.visitor(conversation.id)).emit(visitorEvents.state, toVisitorConversationView(conversation));
      if (conversation.counselor_id) {
        staff
          .to(rooms.staff(conversation.counselor_id))
          .emit(staffEvents.conversation, toStaffConversationView(conversation));
      }
      staff
        .to(supervisionRooms.watching(conversation.id))
        .emit(supervisionEvents.conversation, toStaffConversationView(conversation));
    },

    /** Runs `listener` after every coalesced queue broadcast. */
    onQueueBroadcast(listener: () => Promise<void>): void {
      queueListeners.add(listener);
    },

    /** The queue may have moved: broadcast it here and tell the other nodes, each once per burst. */
    queueChanged(): void {
      broadcastHere();
      if (toldTimer || stopped || !bus.clustered) return;
      toldTimer = setTimeout(() => {
        toldTimer = null;
        bus.tell({ type: 'queue' });
      }, QUEUE_COALESCE_MS);
    },

    /** From now on nothing is broadcast: the server is closing and the database will be gone. */
    stop(): void {
      stopped = true;
      for (const timer of [queueTimer, toldTimer]) if (timer) clearTimeout(timer);
      queueTimer = null;
      toldTimer = null;
    },
  };

  /** One broadcast to this node's sockets per burst, whether the change happened here or on another node. */
  function broadcastHere(): void {
    if (queueTimer || stopped) return;
    queueTimer = setTimeout(() => {
      queueTimer = null;
      broadcastQueue().catch((error: unknown) => log.error({ err: error }, 'queue broadcast failed'));
    }, QUEUE_COALESCE_MS);
  }
}

export type Notifier = ReturnType<typeof createNotifier>;
