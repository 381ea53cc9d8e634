// The closing form she owes when a conversation she held ends: checked against the lists as they are now,
// stored as category ids (for statistics, never purged) with the free comment sealed like a message.
import { randomUUID } from 'node:crypto';
import { checkClosingAnswers } from '../../core/closing-form.ts';
import type { ClosingFormAnswers } from '../../protocol/conversation-tools-schema.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { Clock } from '../clock.ts';
import type { ContentCipher } from '../crypto/content-cipher.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationToolsRepository } from '../storage/conversation-tools-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { SettingsService } from './settings.ts';

interface Deps {
  conversations: Pick<ConversationRepository, 'byId'>;
  tools: ConversationToolsRepository;
  settings: SettingsService;
  cipher: Pick<ContentCipher, 'encrypt'>;
  clock: Clock;
}

/** Staff-only texts are sealed under their own id, apart from any message's client id. */
export const staffTextContext = (id: string) => `staff-text:${id}`;

/** Hers, ended, and still owed; the order of the checks tells a stranger nothing about the conversation. */
function mayFile(counselorId: string, conversation: ConversationRow | undefined): ConversationRow {
  if (!conversation || conversation.counselor_id !== counselorId) {
    throw new HavreError('NOT_ASSIGNED', 'this conversation is not yours');
  }
  if (conversation.status !== 'closed') throw new HavreError('CONVERSATION_NOT_ENDED', 'this conversation goes on');
  if (!conversation.closing_form_due) throw new HavreError('CLOSING_FORM_NOT_DUE', 'no closing form is owed here');
  return conversation;
}

export function createClosingForms({ conversations, tools, settings, cipher, clock }: Deps) {
  return {
    async file(counselorId: string, conversationId: string, answers: ClosingFormAnswers): Promise<ConversationRow> {
      mayFile(counselorId, await conversations.byId(conversationId));
      checkClosingAnswers((await settings.current()).closingForm, answers);
      const { comment, ...categories } = answers;
      const now = clock.now();
      const id = randomUUID();
      const sealed =
        comment.trim().length > 0
          ? {
              id,
              conversationId,
              staffId: counselorId,
              kind: 'closing_comment' as const,
              ciphertext: await cipher.encrypt(conversationId, staffTextContext(id), comment.trim()),
              createdAt: now,
            }
          : null;
      const filed = await tools.fileClosingForm(
        conversationId,
        { ...categories, counselorId, submittedAt: now },
        sealed,
        (locked) => mayFile(counselorId, locked),
      );
      if (!filed) throw new HavreError('NOT_ASSIGNED', 'this conversation is not yours');
      return filed;
    },
  };
}

export type ClosingForms = ReturnType<typeof createClosingForms>;
