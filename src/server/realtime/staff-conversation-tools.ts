// The counselor's conversation tools on the staff socket: her closing form and her private notes. Notes are
// answered to her acknowledgement only and pushed to nobody: they never reach the visitor namespace.
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import {
  closingFormSubmitSchema,
  noteAddSchema,
  noteListSchema,
  staffReadSchema,
} from '../../protocol/conversation-tools-schema.ts';
import { staffEvents, visitorEvents } from '../../protocol/events.ts';
import type { ClosingForms } from '../services/closing-forms.ts';
import type { PrivateNotes } from '../services/private-notes.ts';
import type { ReadMarks } from '../services/read-marks.ts';
import { toStaffConversationView } from '../services/views.ts';
import type { StaffRow } from '../storage/schema.ts';
import { acknowledgedEvents } from './acknowledged.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';
import { registerTransfer, type TransferDeps } from './staff-transfer.ts';

export interface ConversationToolsDeps extends TransferDeps {
  closingForms: ClosingForms;
  notes: PrivateNotes;
  readMarks: ReadMarks;
  visitorNamespace: Namespace;
  notifier: Notifier;
  log: Logger;
}

export function registerConversationTools(socket: Socket, staff: StaffRow, deps: ConversationToolsDeps): void {
  const on = acknowledgedEvents(socket, deps.log);
  registerTransfer(socket, staff, deps);

  on(staffEvents.submitClosingForm, closingFormSubmitSchema, async ({ conversationId, answers }) => {
    const filed = await deps.closingForms.file(staff.id, conversationId, answers);
    // Her other sockets (another browser tab) close the tab too.
    deps.notifier.conversation(filed);
    return { conversation: toStaffConversationView(filed) };
  });

  on(staffEvents.addNote, noteAddSchema, async ({ conversationId, text }) => ({
    note: await deps.notes.add(staff.id, conversationId, text),
  }));

  on(staffEvents.notes, noteListSchema, async ({ conversationId }) => ({
    notes: await deps.notes.forCounselor(staff.id, conversationId),
  }));

  // She has the conversation on screen: the visitor sees "Lu" under her messages up to here.
  on(staffEvents.read, staffReadSchema, async ({ conversationId, seq }) => {
    const moved = await deps.readMarks.byCounselor(staff.id, conversationId, seq);
    if (moved) {
      deps.visitorNamespace
        .to(rooms.visitor(conversationId))
        .emit(visitorEvents.read, { seq: moved.counselor_read_seq });
    }
    return {};
  });
}
