// The SQL of the statistics: adds counts to their hours in one statement, and reads a period back.
import { type Kysely, sql } from 'kysely';
import type { StatCount } from '../services/statistics-recorder.ts';
import type { Database } from './schema.ts';

/** Rows per statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 5_000;

export function createStatisticsRepository(db: Kysely<Database>) {
  return {
    async add(counts: readonly StatCount[]): Promise<void> {
      if (counts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < counts.length; start += CHUNK) {
          await trx
            .insertInto('stats_hours')
            .values(counts.slice(start, start + CHUNK).map(({ hour, name, value }) => ({ hour, name, value })))
            .onConflict((conflict) =>
              conflict.columns(['hour', 'name']).doUpdateSet({ value: sql`stats_hours.value + excluded.value` }),
            )
            .execute();
        }
      });
    },

    /** Every count of the hours in [from, until). */
    async between(from: Date, until: Date): Promise<StatCount[]> {
      const rows = await db
        .selectFrom('stats_hours')
        .select(['hour', 'name', 'value'])
        .where('hour', '>=', from)
        .where('hour', '<', until)
        .orderBy('hour')
        .execute();
      return rows.map((row) => ({ hour: new Date(row.hour), name: row.name, value: Number(row.value) }));
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;
