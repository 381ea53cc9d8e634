// The audit log table: append and read back, newest first.
import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from './schema.ts';

export interface NewAuditEntry {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export function createAuditRepository(db: Kysely<Database>) {
  return {
    async insert(entry: NewAuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at,
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          details: JSON.stringify(entry.details),
        })
        .execute();
    },

    /** Newest first; `beforeId` pages back through older entries. */
    list({ beforeId, limit }: { beforeId?: string; limit: number }): Promise<AuditLogRow[]> {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
      if (beforeId) query = query.where('id', '<', beforeId);
      return query.execute();
    },

    /** "Visiteuse N" and the day, for conversations the log names (kept after their content is purged). */
    async conversationLabels(ids: readonly string[]): Promise<Map<string, { number: number | null; createdAt: Date }>> {
      const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (uuids.length === 0) return new Map();
      const rows = await db
        .selectFrom('conversations')
        .select(['id', 'visitor_number', 'created_at'])
        .where('id', 'in', uuids)
        .execute();
      return new Map(rows.map((row) => [row.id, { number: row.visitor_number, createdAt: row.created_at }]));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
