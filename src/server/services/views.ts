// Turns database rows into the views the protocol promises; nothing else leaves the server.
import type { MessageView, StaffConversationView, VisitorConversationView } from '../../protocol/views.ts';
import type { ConversationRow, MessageRow } from '../storage/schema.ts';
import type { StaffNames } from './staff-names.ts';
import type { PlaceInQueue } from './waiting-room.ts';

/** A stored message with its text decrypted: what the services hand to the edges. */
export type PlainMessage = Omit<MessageRow, 'ciphertext'> & { text: string };

export function toMessageView(message: PlainMessage): MessageView {
  return {
    seq: message.seq,
    clientId: message.client_id,
    author: message.author,
    text: message.text,
    sentAt: message.sent_at.toISOString(),
  };
}

/** A message as staff see it: with who wrote it, when a counselor did. */
export function toStaffMessageView(message: PlainMessage, names: StaffNames): MessageView {
  return { ...toMessageView(message), staffId: message.staff_id, staffName: names.known(message.staff_id) };
}

/** A history as staff see it, every author's name looked up first. */
export async function toStaffMessageViews(
  messages: readonly PlainMessage[],
  names: StaffNames,
): Promise<MessageView[]> {
  await names.load(messages.map((message) => message.staff_id));
  return messages.map((message) => toStaffMessageView(message, names));
}

export function toStaffConversationView(row: ConversationRow): StaffConversationView {
  return {
    id: row.id,
    visitorNumber: row.visitor_number,
    status: row.status,
    closedReason: row.closed_reason,
    createdAt: row.created_at.toISOString(),
    assignedAt: row.assigned_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    lastSeq: row.last_seq,
    urgent: row.urgent,
    intake: row.intake,
    formDue: row.closing_form_due,
    visitorReadSeq: row.visitor_read_seq,
    counselorReadSeq: row.counselor_read_seq,
    visitorAwaySince: row.status === 'active' ? (row.absent_since?.toISOString() ?? null) : null,
  };
}

export function toVisitorConversationView(
  row: ConversationRow,
  place: PlaceInQueue = { position: null, estimatedWaitMinutes: null, waitExceedsClosing: false, servingUntil: null },
): VisitorConversationView {
  const waiting = row.status === 'waiting';
  return {
    status: row.status,
    // A blocked visitor reads that the counselor ended the conversation: nothing more, nothing to provoke.
    closedReason: row.closed_reason === 'blocked' || row.closed_reason === 'raid_wave' ? 'served' : row.closed_reason,
    position: waiting ? place.position : null,
    estimatedWaitMinutes: waiting ? place.estimatedWaitMinutes : null,
    waitExceedsClosing: waiting && place.waitExceedsClosing,
    servingUntil: waiting ? place.servingUntil : null,
    urgent: row.urgent,
    lastSeq: row.last_seq,
    counselorReadSeq: row.counselor_read_seq,
    counselorAway: row.status === 'active' && row.counselor_absent_since !== null,
    handedBack: waiting && row.handed_back_at !== null,
  };
}
