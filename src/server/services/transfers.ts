// Hands an active conversation to a colleague who is online, available and below her limit. The visitor keeps
// everything (same conversation, same history, same socket) and reads one neutral line; the note for the
// colleague is kept as a private note; the audit log records who, to whom, which conversation (ids only).
import { HavreError } from '../../protocol/errors.ts';
import type { ColleagueView } from '../../protocol/views.ts';
import type { ConversationToolsRepository } from '../storage/conversation-tools-repository.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';
import type { AuditLog } from './audit-log.ts';
import type { ConversationService } from './conversations.ts';
import type { Presence } from './presence.ts';
import type { PrivateNotes } from './private-notes.ts';
import type { SettingsService } from './settings.ts';

/** What the visitor reads, in her language: nothing about why, nothing about who. */
export const handOverText: Record<string, string> = {
  fr: 'Une autre conseillère prend le relais de la conversation.',
  en: 'Another counselor is taking over the conversation.',
};

interface Deps {
  tools: ConversationToolsRepository;
  conversations: ConversationService;
  staff: Pick<StaffRepository, 'byId'>;
  activeCounts: () => Promise<Map<string, number>>;
  presence: Presence;
  settings: SettingsService;
  notes: PrivateNotes;
  audit: AuditLog;
}

export function createTransfers(deps: Deps) {
  const { tools, conversations, presence, settings, notes, audit } = deps;

  return {
    /** Colleagues she could hand a conversation to now, with their load; those at their limit included. */
    async colleagues(meId: string): Promise<ColleagueView[]> {
      const ids = presence.availableOnline().filter((id) => id !== meId);
      const [counts, { maxConversationsPerCounselor }] = await Promise.all([deps.activeCounts(), settings.current()]);
      const rows = await Promise.all(ids.map((id) => deps.staff.byId(id)));
      return rows
        .filter((row): row is StaffRow => row !== undefined && !row.disabled)
        .map((row) => ({
          id: row.id,
          displayName: row.display_name,
          activeConversations: counts.get(row.id) ?? 0,
          maxConversations: maxConversationsPerCounselor,
        }))
        .sort((a, b) => a.activeConversations - b.activeConversations || a.displayName.localeCompare(b.displayName));
    },

    async transfer(actor: StaffRow, conversationId: string, toStaffId: string, note: string) {
      await conversations.requireAssigned(actor.id, conversationId);
      if (toStaffId === actor.id)
        throw new HavreError('INVALID_PAYLOAD', 'toStaffId: this conversation is yours already');
      const target = await deps.staff.byId(toStaffId);
      if (!target || target.disabled || !presence.availableOnline().includes(toStaffId)) {
        throw new HavreError('TRANSFER_TARGET_UNAVAILABLE', 'this colleague is not available now');
      }
      const { maxConversationsPerCounselor } = await settings.current();
      const result = await tools.transfer(conversationId, actor.id, toStaffId, maxConversationsPerCounselor);
      if (result.outcome === 'not_assigned') throw new HavreError('NOT_ASSIGNED', 'this conversation is not yours');
      if (result.outcome === 'not_active') throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
      if (result.outcome === 'at_capacity') {
        throw new HavreError('TRANSFER_TARGET_AT_CAPACITY', 'this colleague holds as many conversations as she may');
      }
      if (note.trim() !== '') await notes.write(actor.id, conversationId, note);
      const line = handOverText[result.conversation.locale] ?? handOverText.fr ?? '';
      const sent = await conversations.noticeIfOpen(conversationId, line);
      await audit.record(
        actor,
        'conversation.transferred',
        { type: 'conversation', id: conversationId },
        { from: actor.id, to: toStaffId },
      );
      const conversation = sent?.conversation ?? (await conversations.byId(conversationId)) ?? result.conversation;
      return { conversation, message: sent?.message ?? null, target };
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
