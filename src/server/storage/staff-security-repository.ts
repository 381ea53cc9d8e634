// The SQL behind staff account security: password changes, other sessions ended, TOTP secrets and
// recovery codes.
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export function createStaffSecurityRepository(db: Kysely<Database>) {
  return {
    async setPasswordHash(staffId: string, passwordHash: string): Promise<void> {
      await db.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', staffId).execute();
    },

    async deleteSessionsExcept(staffId: string, keepIdHash: string | null): Promise<void> {
      let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
      if (keepIdHash) query = query.where('id_hash', '<>', keepIdHash);
      await query.execute();
    },

    totpOf: (staffId: string) =>
      db.selectFrom('staff_totp').selectAll().where('staff_id', '=', staffId).executeTakeFirst(),

    /** Staff ids whose two-factor authentication is on. */
    async enabledTotpIds(): Promise<Set<string>> {
      const rows = await db.selectFrom('staff_totp').select('staff_id').where('enabled_at', 'is not', null).execute();
      return new Set(rows.map((row) => row.staff_id));
    },

    /** Starts (or restarts) an enrolment; an enabled secret is never replaced this way. */
    async startTotp(staffId: string, secret: Uint8Array, now: Date): Promise<boolean> {
      const result = await db
        .insertInto('staff_totp')
        .values({ staff_id: staffId, secret, created_at: now, enabled_at: null, last_step: 0 })
        .onConflict((conflict) =>
          conflict
            .column('staff_id')
            .doUpdateSet({ secret, created_at: now, last_step: 0 })
            .where('staff_totp.enabled_at', 'is', null),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /**
     * Accepts the code of `step` once: the row moves only forward, in one statement, so that two requests
     * (or two nodes) racing with the same code cannot both succeed.
     */
    async acceptStep(staffId: string, step: number): Promise<boolean> {
      const row = await db
        .updateTable('staff_totp')
        .set({ last_step: step })
        .where('staff_id', '=', staffId)
        .where('last_step', '<', String(step))
        .returning('staff_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async enableTotp(staffId: string, codeHashes: readonly string[], now: Date): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('staff_totp').set({ enabled_at: now }).where('staff_id', '=', staffId).execute();
        await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
        await trx
          .insertInto('staff_recovery_codes')
          .values(codeHashes.map((code_hash) => ({ staff_id: staffId, code_hash, used_at: null })))
          .execute();
      });
    },

    async removeTotp(staffId: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
        const result = await trx.deleteFrom('staff_totp').where('staff_id', '=', staffId).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },

    /** Marks a recovery code used, once: false if it does not exist or was used already. */
    async useRecoveryCode(staffId: string, codeHash: string, now: Date): Promise<boolean> {
      const row = await db
        .updateTable('staff_recovery_codes')
        .set({ used_at: now })
        .where('staff_id', '=', staffId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .returning('code_hash')
        .executeTakeFirst();
      return row !== undefined;
    },

    async recoveryCodesLeft(staffId: string): Promise<number> {
      const row = await db
        .selectFrom('staff_recovery_codes')
        .select(sql<number>`count(*)`.as('count'))
        .where('staff_id', '=', staffId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}

export type StaffSecurityRepository = ReturnType<typeof createStaffSecurityRepository>;
