// Automatic assignment in one transaction, in the same style as take-next: the candidates' staff rows are
// locked (in id order, so two nodes never wait on each other in a cycle), which serialises an automatic
// assignment with any take-next of the same counselor and keeps everyone at or below her limit; the waiting
// visitor is claimed with SKIP LOCKED, so that she is never given twice.
import { type Kysely, sql } from 'kysely';
import { type CounselorLoad, chooseCounselor } from '../../core/auto-assign.ts';
import { nextWaitingForUpdate } from './conversation-repository.ts';
import type { ConversationRow, Database } from './schema.ts';

export function createAutoAssignRepository(db: Kysely<Database>) {
  return {
    /**
     * Gives the most urgent, longest-waiting visitor to the least loaded of `candidateIds` still available and
     * below `limit`; null when nobody waits or nobody can take her.
     */
    async assignOne(candidateIds: readonly string[], limit: number, now: Date): Promise<ConversationRow | null> {
      if (candidateIds.length === 0) return null;
      return db.transaction().execute(async (trx) => {
        const staff = await trx
          .selectFrom('staff')
          .select('id')
          .where('id', 'in', [...candidateIds])
          .where('disabled', '=', false)
          .where('presence', '=', 'available')
          .orderBy('id')
          .forUpdate()
          .execute();
        if (staff.length === 0) return null;
        const next = await nextWaitingForUpdate(trx);
        if (!next) return null;
        const ids = staff.map((row) => row.id);
        const loads = await trx
          .selectFrom('conversations')
          .select([
            'counselor_id',
            sql<string>`count(*) filter (where status = 'active')`.as('active'),
            sql<Date | null>`max(assigned_at)`.as('last_assigned_at'),
          ])
          .where('counselor_id', 'in', ids)
          .groupBy('counselor_id')
          .execute();
        const byId = new Map(loads.map((row) => [row.counselor_id, row]));
        const candidates: CounselorLoad[] = ids.map((id) => ({
          id,
          active: Number(byId.get(id)?.active ?? 0),
          limit,
          lastAssignedAt: byId.get(id)?.last_assigned_at ? new Date(byId.get(id)?.last_assigned_at ?? 0) : null,
        }));
        const chosen = chooseCounselor(candidates);
        if (!chosen) return null;
        return trx
          .updateTable('conversations')
          .set({ status: 'active', counselor_id: chosen.id, assigned_at: now, counselor_absent_since: null })
          .where('id', '=', next.id)
          .where('status', '=', 'waiting')
          .returningAll()
          .executeTakeFirstOrThrow();
      });
    },
  };
}

export type AutoAssignRepository = ReturnType<typeof createAutoAssignRepository>;
