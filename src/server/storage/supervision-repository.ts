// The reads the supervision board needs: every active conversation with its counselor's name, who the online
// staff members are, and the conversations that ended lately.
import type { Kysely } from 'kysely';
import type { BoardConversationView, ClosedConversationView } from '../../protocol/views.ts';
import type { Database } from './schema.ts';

export function createSupervisionRepository(db: Kysely<Database>) {
  return {
    async activeConversations(): Promise<BoardConversationView[]> {
      const rows = await db
        .selectFrom('conversations')
        .leftJoin('staff', 'staff.id', 'conversations.counselor_id')
        .select([
          'conversations.id',
          'conversations.counselor_id',
          'conversations.assigned_at',
          'conversations.urgent',
          'conversations.counselor_absent_since',
          'conversations.visitor_number',
          'staff.display_name',
        ])
        .where('conversations.status', '=', 'active')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        visitorNumber: row.visitor_number,
        counselorId: row.counselor_id,
        counselorName: row.display_name,
        assignedAt: row.assigned_at?.toISOString() ?? null,
        urgent: row.urgent,
        counselorAwaySince: row.counselor_absent_since?.toISOString() ?? null,
      }));
    },

    /** Conversations a counselor held that ended since `since`, whose content is still kept; newest first. */
    async recentlyClosed(since: Date, limit: number): Promise<ClosedConversationView[]> {
      const rows = await db
        .selectFrom('conversations')
        .leftJoin('staff', 'staff.id', 'conversations.counselor_id')
        .select(['conversations.id', 'conversations.closed_at', 'conversations.closed_reason', 'staff.display_name'])
        .where('conversations.status', '=', 'closed')
        .where('conversations.purged_at', 'is', null)
        .where('conversations.counselor_id', 'is not', null)
        .where('conversations.closed_at', '>=', since)
        .orderBy('conversations.closed_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        counselorName: row.display_name,
        closedAt: (row.closed_at as Date).toISOString(),
        closedReason: row.closed_reason,
      }));
    },

    /** Gives an active conversation to another staff member, if it is still active and still held by `fromId`. */
    reassign(conversationId: string, fromId: string, toId: string) {
      return db
        .updateTable('conversations')
        .set({ counselor_id: toId, counselor_absent_since: null })
        .where('id', '=', conversationId)
        .where('status', '=', 'active')
        .where('counselor_id', '=', fromId)
        .returningAll()
        .executeTakeFirst();
    },

    async displayName(staffId: string): Promise<string | null> {
      const row = await db.selectFrom('staff').select('display_name').where('id', '=', staffId).executeTakeFirst();
      return row?.display_name ?? null;
    },
  };
}

export type SupervisionRepository = ReturnType<typeof createSupervisionRepository>;
