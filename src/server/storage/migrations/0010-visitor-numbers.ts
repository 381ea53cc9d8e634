// Stable, neutral visitor labels (issue 12, item 2): "Visiteuse 7" is the seventh conversation of the day in
// the helpline's time zone, given by the server once, the same in every console, on the board, after a
// transfer or a reload. `daily_numbers` holds only a day and how many conversations it has had so far.
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`create table daily_numbers (day text primary key, last integer not null)`,
  sql`alter table conversations add column visitor_number integer`,
  // Conversations from before: numbered in their UTC day, in order of arrival.
  sql`update conversations set visitor_number = numbered.n
      from (select id, row_number() over (partition by (created_at at time zone 'UTC')::date order by created_at, id) as n
            from conversations) as numbered
      where conversations.id = numbered.id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
