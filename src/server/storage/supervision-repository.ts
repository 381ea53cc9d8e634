// The reads the supervision board needs: every active conversation with its counselor's name, and who the
// online staff members are.
import type { Kysely } from 'kysely';
import type { BoardConversationView } from '../../protocol/views.ts';
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
          'staff.display_name',
        ])
        .where('conversations.status', '=', 'active')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        counselorId: row.counselor_id,
        counselorName: row.display_name,
        assignedAt: row.assigned_at?.toISOString() ?? null,
        urgent: row.urgent,
      }));
    },

    async staffByIds(ids: string[]) {
      if (ids.length === 0) return [];
      return db.selectFrom('staff').select(['id', 'display_name', 'role']).where('id', 'in', ids).execute();
    },

    /** Gives an active conversation to another staff member, if it is still active and still held by `fromId`. */
    reassign(conversationId: string, fromId: string, toId: string) {
      return db
        .updateTable('conversations')
        .set({ counselor_id: toId })
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
