// Blocks of a troll for 24 hours. A block holds the hash of the visitor's per-tab token, never an address:
// the network part of a block lives in memory only (src/server/services/visitor-blocks.ts).
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`create table visitor_blocks (
    id uuid primary key,
    tab_hash text,
    blocked_by uuid references staff (id) on delete set null,
    blocked_by_name text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    lifted_at timestamptz,
    lifted_by_name text
  )`,
  sql`create index visitor_blocks_tab on visitor_blocks (tab_hash) where lifted_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
