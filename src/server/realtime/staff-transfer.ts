// Transfers on the staff socket: the colleagues she could hand a conversation to, and the hand-over itself.
// The receiver gets the conversation with its whole history; the sender's tabs close; the visitor's socket
// is untouched and gets the neutral line as a message.
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { transferSchema } from '../../protocol/conversation-tools-schema.ts';
import { staffEvents } from '../../protocol/events.ts';
import { emptySchema } from '../../protocol/schemas.ts';
import type { TransferredInView } from '../../protocol/views.ts';
import type { ConversationService } from '../services/conversations.ts';
import type { StaffNames } from '../services/staff-names.ts';
import type { Transfers } from '../services/transfers.ts';
import { toStaffConversationView, toStaffMessageViews } from '../services/views.ts';
import type { StaffRow } from '../storage/schema.ts';
import { acknowledgedEvents } from './acknowledged.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';

export interface TransferDeps {
  transfers: Transfers;
  conversations: ConversationService;
  namespace: Namespace;
  notifier: Notifier;
  log: Logger;
  staffNames: StaffNames;
}

export function registerTransfer(socket: Socket, staff: StaffRow, deps: TransferDeps): void {
  const on = acknowledgedEvents(socket, deps.log);

  on(staffEvents.colleagues, emptySchema, async () => ({ colleagues: await deps.transfers.colleagues(staff.id) }));

  on(staffEvents.transfer, transferSchema, async ({ conversationId, toStaffId, note }) => {
    const { conversation, message, target } = await deps.transfers.transfer(staff, conversationId, toStaffId, note);
    const history = await deps.conversations.history(conversationId, 0);
    const handedOver: TransferredInView = {
      conversation: toStaffConversationView(conversation),
      messages: await toStaffMessageViews(history, deps.staffNames),
      from: staff.display_name,
    };
    deps.namespace.to(rooms.staff(target.id)).emit(staffEvents.transferredIn, handedOver);
    deps.namespace
      .to(rooms.staff(staff.id))
      .emit(staffEvents.transferredOut, { conversationId, to: target.display_name });
    if (message) deps.notifier.message(conversation, message);
    // Supervisors reading it learn of the hand-over (the board names the new counselor).
    deps.notifier.conversation(conversation);
    deps.notifier.queueChanged();
    return { conversationId, to: target.display_name };
  });
}
