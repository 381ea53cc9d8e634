// Supervision over the staff socket: the live board (pushed after every coalesced queue broadcast), silent
// reading of a live conversation, whispers to its counselor, take-over, the intake switch, lifting blocks; and
// blocking a troll, which any counselor does on her own conversation. Whispers travel on the staff namespace
// only, to the counselor's own room: nothing here can reach a visitor.
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { supervisionEvents } from '../../protocol/events.ts';
import {
  emptySchema,
  endWaveSchema,
  intakeModeSchema,
  raidModeSchema,
  staffConversationSchema,
  supervisionConversationSchema,
  unblockSchema,
  whisperSchema,
} from '../../protocol/schemas.ts';
import type { KeptWhispers } from '../services/kept-whispers.ts';
import { requireSupervisor, type Supervision } from '../services/supervision.ts';
import { toStaffConversationView } from '../services/views.ts';
import type { VisitorBlocks } from '../services/visitor-blocks.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { acknowledgedEvents } from './acknowledged.ts';
import type { Notifier } from './notifier.ts';
import { rooms, supervisionRooms } from './rooms.ts';

/** Pushes the board to every supervisor following it, on the notifier's coalesced queue bursts. */
export function broadcastBoard({
  namespace,
  supervision,
  notifier,
}: {
  namespace: Namespace;
  supervision: Supervision;
  notifier: Notifier;
}): void {
  notifier.onQueueBroadcast(async () => {
    // Nobody follows the board on this node: spare the queries. Each node pushes to its own supervisors, on its
    // own queue broadcast (which every node runs for a change anywhere, decision 0029).
    if (!namespace.adapter.rooms.get(supervisionRooms.board)?.size) return;
    namespace.local.to(supervisionRooms.board).emit(supervisionEvents.board, await supervision.board());
  });
}

interface Deps {
  socket: Socket;
  staff: StaffRow;
  on: ReturnType<typeof acknowledgedEvents>;
  namespace: Namespace;
  supervision: Supervision;
  notifier: Notifier;
  /** Sends a fresh staff state to every socket of that staff member (her conversations changed). */
  refreshStaff: (staffId: string) => Promise<void>;
  blocks: VisitorBlocks;
  whispers: KeptWhispers;
  log: Logger;
}

export function attachSupervisionEvents(deps: Deps): void {
  const { socket, staff, on, namespace, supervision, notifier, refreshStaff } = deps;
  /** Conversations this socket reads silently: a new watch is audited once, a repeated one is not. */
  const watching = new Set<string>();

  on(supervisionEvents.watchBoard, emptySchema, async () => {
    requireSupervisor(staff);
    await socket.join(supervisionRooms.board);
    return { board: await supervision.board() };
  });

  on(supervisionEvents.leaveBoard, emptySchema, async () => {
    await socket.leave(supervisionRooms.board);
    return {};
  });

  on(supervisionEvents.watch, supervisionConversationSchema, async ({ conversationId }) => {
    const watched = await supervision.watch(staff, conversationId, !watching.has(conversationId));
    watching.add(conversationId);
    await socket.join(supervisionRooms.watching(conversationId));
    return { watched };
  });

  on(supervisionEvents.closedList, emptySchema, async () => ({
    conversations: await supervision.recentlyClosed(staff),
  }));

  on(supervisionEvents.readClosed, supervisionConversationSchema, async ({ conversationId }) => ({
    transcript: await supervision.readClosed(staff, conversationId),
  }));

  on(supervisionEvents.unwatch, supervisionConversationSchema, async ({ conversationId }) => {
    watching.delete(conversationId);
    await socket.leave(supervisionRooms.watching(conversationId));
    return {};
  });

  on(supervisionEvents.whisper, whisperSchema, async ({ conversationId, clientId, text }) => {
    const { counselorId, whisper } = await supervision.whisper(staff, conversationId, clientId, text);
    await deps.whispers.keep(whisper);
    namespace.to(rooms.staff(counselorId)).emit(supervisionEvents.whisperReceived, whisper);
    return { whisper };
  });

  on(supervisionEvents.takeOver, supervisionConversationSchema, async ({ conversationId }) => {
    const { conversation, previousCounselorId, notice } = await supervision.takeOver(staff, conversationId);
    notifier.conversation(conversation);
    if (notice) notifier.message(conversation, notice.message);
    if (previousCounselorId) {
      namespace
        .to(rooms.staff(previousCounselorId))
        .emit(supervisionEvents.takenOver, { conversationId, byName: staff.display_name });
      await refreshStaff(previousCounselorId);
    }
    await refreshStaff(staff.id);
    notifier.queueChanged();
    return { conversation: toStaffConversationView(conversation) };
  });

  on(supervisionEvents.intakeMode, intakeModeSchema, async ({ mode, message }) => {
    const intake = await supervision.setIntakeMode(staff, mode, message);
    notifier.queueChanged();
    return { intake };
  });

  on(supervisionEvents.raidMode, raidModeSchema, async ({ on: switchedOn, message }) => {
    const raid = await supervision.setRaidMode(staff, switchedOn, message);
    notifier.queueChanged();
    return { raid };
  });

  on(supervisionEvents.endWave, endWaveSchema, async (wave) => {
    const { count, until, ended } = await supervision.endWave(staff, wave);
    // Each visitor reads the same neutral end as after a block (decision 0014); the queue and board follow.
    for (const conversation of ended) notifier.conversation(conversation);
    if (ended.length > 0) notifier.queueChanged();
    return { count, until };
  });

  on(supervisionEvents.unblock, unblockSchema, async ({ blockId }) => {
    await deps.blocks.unblock(staff, blockId);
    notifier.queueChanged();
    return {};
  });

  // Not a supervision act: any counselor blocks a troll in her own active conversation.
  on(supervisionEvents.block, staffConversationSchema, async ({ conversationId }) => {
    const conversation = await deps.blocks.block(staff, conversationId);
    notifier.conversation(conversation);
    notifier.queueChanged();
    return { conversation: toStaffConversationView(conversation) };
  });
}
