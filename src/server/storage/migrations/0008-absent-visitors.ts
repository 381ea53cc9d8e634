// A waiting visitor whose connection is gone (a phone that sleeps, a tunnel, a reload) keeps her place for a
// while (decision 0006, amended): `absent_since` says since when no tab of hers is connected, so that taking
// the next person, on any node, skips her instead of giving a counselor an empty chair.
import { type Kysely, sql } from 'kysely';

const statements = [sql`alter table conversations add column absent_since timestamptz`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
