// Two-factor authentication of staff: each member's TOTP secret (sealed with the master key) with the last
// time step accepted, so that a code is never accepted twice, and her single-use recovery codes (hashed).
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`create table staff_totp (
    staff_id uuid primary key references staff (id) on delete cascade,
    secret bytea not null,
    enabled_at timestamptz,
    last_step bigint not null default 0,
    created_at timestamptz not null
  )`,
  sql`create table staff_recovery_codes (
    staff_id uuid not null references staff (id) on delete cascade,
    code_hash text not null,
    used_at timestamptz,
    primary key (staff_id, code_hash)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
