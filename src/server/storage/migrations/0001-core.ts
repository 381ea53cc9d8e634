// Staff, sessions, conversations, their data keys and encrypted messages, settings: the core schema.
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`create table staff (
    id uuid primary key,
    username text not null unique,
    display_name text not null,
    role text not null check (role in ('counselor', 'supervisor', 'admin')),
    password_hash text not null,
    disabled boolean not null default false,
    presence text not null default 'paused' check (presence in ('available', 'paused')),
    created_at timestamptz not null
  )`,
  sql`create table staff_sessions (
    id_hash text primary key,
    staff_id uuid not null references staff (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null
  )`,
  sql`create index staff_sessions_staff on staff_sessions (staff_id)`,
  sql`create table conversations (
    id uuid primary key,
    token_hash text unique,
    status text not null check (status in ('waiting', 'active', 'closed')),
    closed_reason text,
    urgent boolean not null default false,
    intake jsonb not null default '{}',
    locale text not null,
    counselor_id uuid references staff (id),
    last_seq integer not null default 0,
    created_at timestamptz not null,
    assigned_at timestamptz,
    closed_at timestamptz,
    purged_at timestamptz,
    check (status <> 'active' or counselor_id is not null)
  )`,
  sql`create index conversations_waiting on conversations (urgent desc, created_at, id) where status = 'waiting'`,
  sql`create index conversations_active on conversations (counselor_id) where status = 'active'`,
  sql`create index conversations_to_purge on conversations (closed_at) where status = 'closed' and purged_at is null`,
  sql`create table conversation_keys (
    conversation_id uuid primary key references conversations (id) on delete cascade,
    wrapped bytea not null,
    created_at timestamptz not null
  )`,
  sql`create table messages (
    conversation_id uuid not null references conversations (id) on delete cascade,
    seq integer not null,
    client_id uuid not null,
    author text not null check (author in ('visitor', 'counselor', 'system')),
    staff_id uuid references staff (id),
    ciphertext bytea not null,
    sent_at timestamptz not null,
    primary key (conversation_id, seq),
    unique (conversation_id, client_id)
  )`,
  sql`create table settings (
    key text primary key,
    value jsonb not null,
    updated_at timestamptz not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
