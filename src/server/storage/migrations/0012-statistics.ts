// Impact statistics (issue 13, decision 0027): counts per hour and name, nothing else. They outlive the
// content and the conversations; no column can hold an id, a text or an exact time.
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`create table stats_hours (
    hour timestamptz not null,
    name text not null,
    value bigint not null,
    primary key (hour, name)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
