// The counselor's conversation tools on the staff socket: her closing form and her private notes. Notes are
// answered to her acknowledgement only and pushed to nobody: they never reach the visitor namespace.
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { closingFormSubmitSchema, noteAddSchema, noteListSchema } from '../../protocol/closing-form-schema.ts';
import { staffEvents } from '../../protocol/events.ts';
import type { ClosingForms } from '../services/closing-forms.ts';
import type { PrivateNotes } from '../services/private-notes.ts';
import { toStaffConversationView } from '../services/views.ts';
import type { StaffRow } from '../storage/schema.ts';
import { acknowledgedEvents } from './acknowledged.ts';
import type { Notifier } from './notifier.ts';
import { registerTransfer, type TransferDeps } from './staff-transfer.ts';

export interface ConversationToolsDeps extends TransferDeps {
  closingForms: ClosingForms;
  notes: PrivateNotes;
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
}
