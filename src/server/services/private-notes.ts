// Private notes on a conversation: staff-only, sealed with the conversation's data key and purged with it.
// The assigned counselor reads and writes them; supervisors read them through `forSupervisor` (the caller
// checks the role). Nothing here is ever sent to the visitor namespace.
import { randomUUID } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { NoteView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ContentCipher } from '../crypto/content-cipher.ts';
import type { ConversationToolsRepository } from '../storage/conversation-tools-repository.ts';
import { staffTextContext } from './closing-forms.ts';
import type { ConversationService } from './conversations.ts';

interface Deps {
  conversations: Pick<ConversationService, 'requireAssigned'>;
  tools: ConversationToolsRepository;
  cipher: Pick<ContentCipher, 'encrypt' | 'decrypt'>;
  clock: Clock;
}

export function createPrivateNotes({ conversations, tools, cipher, clock }: Deps) {
  async function list(conversationId: string): Promise<NoteView[]> {
    const rows = await tools.staffTextsWithAuthor(conversationId, 'note');
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        authorId: row.staff_id,
        authorName: row.author_name,
        text: await cipher.decrypt(conversationId, staffTextContext(row.id), row.ciphertext),
        createdAt: row.created_at.toISOString(),
      })),
    );
  }

  /** Stores a note with no access check: for use cases that checked already (a transfer's note). */
  async function write(staffId: string, conversationId: string, text: string): Promise<string> {
    const id = randomUUID();
    const ciphertext = await cipher.encrypt(conversationId, staffTextContext(id), text.trim());
    await tools.insertStaffText({ id, conversationId, staffId, kind: 'note', ciphertext, createdAt: clock.now() });
    return id;
  }

  return {
    async add(counselorId: string, conversationId: string, text: string): Promise<NoteView> {
      const conversation = await conversations.requireAssigned(counselorId, conversationId);
      if (conversation.purged_at)
        throw new HavreError('CONTENT_DELETED', 'this conversation’s content has been deleted');
      const id = await write(counselorId, conversationId, text);
      const note = (await list(conversationId)).find((view) => view.id === id);
      if (!note) throw new HavreError('INTERNAL', 'the note was not stored');
      return note;
    },

    async forCounselor(counselorId: string, conversationId: string): Promise<NoteView[]> {
      await conversations.requireAssigned(counselorId, conversationId);
      return list(conversationId);
    },

    /** For supervisors (issue 5, supervision): the caller has checked that she may read this conversation. */
    forSupervisor: list,

    write,
  };
}

export type PrivateNotes = ReturnType<typeof createPrivateNotes>;
