// Staff accounts and their sessions.
import type { Kysely } from 'kysely';
import type { Role } from '../../protocol/schemas.ts';
import type { PresenceStatus } from '../../protocol/views.ts';
import type { Database, StaffRow } from './schema.ts';

export interface NewStaff {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
}

export function createStaffRepository(db: Kysely<Database>) {
  /** Sessions that have not expired, of accounts that are enabled. */
  const liveSessions = (now: Date) =>
    db
      .selectFrom('staff_sessions')
      .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
      .where('staff_sessions.expires_at', '>', now)
      .where('staff.disabled', '=', false);

  return {
    async insert(staff: NewStaff): Promise<StaffRow> {
      return db
        .insertInto('staff')
        .values({
          id: staff.id,
          username: staff.username,
          display_name: staff.displayName,
          role: staff.role,
          password_hash: staff.passwordHash,
          created_at: staff.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    byUsername: (username: string) =>
      db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst(),

    byId: (id: string) => db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Names and roles of several members at once (the board's team, the authors of a history). */
    async byIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db.selectFrom('staff').select(['id', 'display_name', 'role']).where('id', 'in', ids).execute();
    },

    list: () => db.selectFrom('staff').selectAll().orderBy('created_at').execute(),

    async countActiveAdmins(): Promise<number> {
      const row = await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('role', '=', 'admin')
        .where('disabled', '=', false)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async update(id: string, changes: { disabled?: boolean; role?: Role; presence?: PresenceStatus }) {
      return db.updateTable('staff').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
    },

    async insertSession(session: { idHash: string; staffId: string; createdAt: Date; expiresAt: Date }) {
      await db
        .insertInto('staff_sessions')
        .values({
          id_hash: session.idHash,
          staff_id: session.staffId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    /** The staff member behind a live session, if the session exists, has not expired and the account is enabled. */
    sessionStaff: (idHash: string, now: Date) =>
      liveSessions(now).selectAll('staff').where('staff_sessions.id_hash', '=', idHash).executeTakeFirst(),

    /** Of these sessions, the ones still live (not expired, account enabled): one query for all sockets. */
    async liveSessions(idHashes: readonly string[], now: Date): Promise<Set<string>> {
      if (idHashes.length === 0) return new Set();
      const rows = await liveSessions(now)
        .select('staff_sessions.id_hash')
        .where('staff_sessions.id_hash', 'in', idHashes)
        .execute();
      return new Set(rows.map((row) => row.id_hash));
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
    },

    async deleteSessionsOf(staffId: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
