// The audit log of staff actions. It names who did what to which record, never what was written.
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    actor_id uuid references staff (id) on delete set null,
    actor_name text,
    action text not null,
    target_type text,
    target_id text,
    details jsonb not null default '{}'
  )`,
  sql`create index audit_log_at on audit_log (at desc, id desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
