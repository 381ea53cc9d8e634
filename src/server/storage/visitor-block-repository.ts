// Blocks of trolls: the hash of a tab token, who blocked, until when, and whether it was lifted.
import type { Kysely } from 'kysely';
import type { Database, VisitorBlockRow } from './schema.ts';

export function createVisitorBlockRepository(db: Kysely<Database>) {
  return {
    async insert(row: {
      id: string;
      tabHash: string | null;
      blockedBy: string;
      blockedByName: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<VisitorBlockRow> {
      return db
        .insertInto('visitor_blocks')
        .values({
          id: row.id,
          tab_hash: row.tabHash,
          blocked_by: row.blockedBy,
          blocked_by_name: row.blockedByName,
          created_at: row.createdAt,
          expires_at: row.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async tabBlocked(tabHash: string, now: Date): Promise<boolean> {
      const row = await db
        .selectFrom('visitor_blocks')
        .select('id')
        .where('tab_hash', '=', tabHash)
        .where('lifted_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row !== undefined;
    },

    active(now: Date): Promise<VisitorBlockRow[]> {
      return db
        .selectFrom('visitor_blocks')
        .selectAll()
        .where('lifted_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .execute();
    },

    lift(id: string, liftedByName: string, now: Date) {
      return db
        .updateTable('visitor_blocks')
        .set({ lifted_at: now, lifted_by_name: liftedByName })
        .where('id', '=', id)
        .where('lifted_at', 'is', null)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
    },

    /** Blocks over for a day are of no use to anyone: the tab hash goes with them. */
    async removeEndedBefore(cutoff: Date): Promise<void> {
      await db.deleteFrom('visitor_blocks').where('expires_at', '<', cutoff).execute();
    },
  };
}

export type VisitorBlockRepository = ReturnType<typeof createVisitorBlockRepository>;
