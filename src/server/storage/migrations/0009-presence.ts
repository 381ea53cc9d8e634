// Presence in every conversation (issue 12, item 1; decision 0026): `counselor_absent_since` says since when
// the counselor holding an active conversation has had no console connected, so that the visitor is told, the
// board flags it and, past the admins' limit, the conversation goes back to the head of the queue
// (`handed_back_at`). `absent_since` (migration 0008) now also marks an active conversation whose visitor has
// no tab connected.
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`alter table conversations add column counselor_absent_since timestamptz`,
  sql`alter table conversations add column handed_back_at timestamptz`,
  sql`create index conversations_active_presence on conversations (status) where status = 'active'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
