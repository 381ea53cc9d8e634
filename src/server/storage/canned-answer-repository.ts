// Canned answers: the team's (owner_id null) and each staff member's own.
import type { Kysely } from 'kysely';
import type { ResourceCard } from '../../protocol/canned-answers.ts';
import type { CannedAnswerRow, Database } from './schema.ts';

export interface CannedAnswerFields {
  kind: 'text' | 'card';
  shortcut: string;
  title: string;
  body: string | null;
  card: ResourceCard | null;
}

/** A unique index refused the row: the shortcut is taken in that scope. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export function createCannedAnswerRepository(db: Kysely<Database>) {
  const values = (fields: CannedAnswerFields) => ({
    kind: fields.kind,
    shortcut: fields.shortcut,
    title: fields.title,
    body: fields.body,
    card: fields.card === null ? null : JSON.stringify(fields.card),
  });

  return {
    /** The team's answers and this staff member's own. */
    visibleTo(staffId: string): Promise<CannedAnswerRow[]> {
      return db
        .selectFrom('canned_answers')
        .selectAll()
        .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', staffId)]))
        .orderBy('shortcut')
        .orderBy('id')
        .execute();
    },

    async byId(id: string): Promise<CannedAnswerRow | undefined> {
      return db.selectFrom('canned_answers').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async shortcutTaken(ownerId: string | null, shortcut: string, exceptId: string | null): Promise<boolean> {
      let query = db
        .selectFrom('canned_answers')
        .select('id')
        .where('shortcut', '=', shortcut)
        .where((eb) => (ownerId === null ? eb('owner_id', 'is', null) : eb('owner_id', '=', ownerId)));
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    insert(row: { id: string; ownerId: string | null; at: Date } & CannedAnswerFields): Promise<CannedAnswerRow> {
      return db
        .insertInto('canned_answers')
        .values({ id: row.id, owner_id: row.ownerId, ...values(row), created_at: row.at, updated_at: row.at })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    update(id: string, fields: CannedAnswerFields, at: Date): Promise<CannedAnswerRow> {
      return db
        .updateTable('canned_answers')
        .set({ ...values(fields), updated_at: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('canned_answers').where('id', '=', id).execute();
    },
  };
}

export type CannedAnswerRepository = ReturnType<typeof createCannedAnswerRepository>;
