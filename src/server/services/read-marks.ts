// "Read" marks both ways. The visitor's mark moves when her page is visible with the messages on it; the
// counselor's when she has the conversation on screen. Both are stored, so a reload shows the same marks,
// and each only moves forward.
import type { ConversationToolsRepository } from '../storage/conversation-tools-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { ConversationService } from './conversations.ts';

interface Deps {
  tools: Pick<ConversationToolsRepository, 'markRead'>;
  conversations: Pick<ConversationService, 'requireAssigned'>;
}

export function createReadMarks({ tools, conversations }: Deps) {
  return {
    /** Null when the mark did not move (already there, or ahead of the conversation). */
    byVisitor: (conversationId: string, seq: number): Promise<ConversationRow | undefined> =>
      tools.markRead(conversationId, 'visitor', seq),

    async byCounselor(counselorId: string, conversationId: string, seq: number) {
      await conversations.requireAssigned(counselorId, conversationId);
      return tools.markRead(conversationId, 'counselor', seq);
    },
  };
}

export type ReadMarks = ReturnType<typeof createReadMarks>;
