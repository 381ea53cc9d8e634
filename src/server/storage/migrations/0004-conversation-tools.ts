// The counselor's conversation tools: the closing form owed when a conversation ends, its answers (category
// ids, kept for statistics after the content is purged), and staff-only texts (private notes, the form's free
// comment) sealed with the conversation's data key and purged with its messages.
import { type Kysely, sql } from 'kysely';

const statements = [
  // Set when a conversation she held closes; cleared when she sends the form. Older conversations owe nothing.
  sql`alter table conversations add column closing_form_due boolean not null default false`,
  // How far each side has read (a message sequence number), so that a reload shows the same "read" marks.
  sql`alter table conversations add column visitor_read_seq integer not null default 0`,
  sql`alter table conversations add column counselor_read_seq integer not null default 0`,
  sql`create index conversations_form_due on conversations (counselor_id) where closing_form_due`,
  sql`create table closing_forms (
    conversation_id uuid primary key references conversations (id),
    counselor_id uuid references staff (id) on delete set null,
    violence_types jsonb not null,
    author text,
    age_bracket text,
    actions jsonb not null,
    services jsonb not null,
    submitted_at timestamptz not null
  )`,
  sql`create table staff_texts (
    id uuid primary key,
    conversation_id uuid not null references conversations (id),
    staff_id uuid references staff (id) on delete set null,
    kind text not null,
    ciphertext bytea not null,
    created_at timestamptz not null
  )`,
  sql`create index staff_texts_conversation on staff_texts (conversation_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
