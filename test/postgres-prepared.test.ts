// Statements prepared once per connection (issue 14): the same text is parsed and planned once, then only
// executed; a plan that a migration made stale drops its connection and answers UNAVAILABLE (try again), and
// the next statement runs on a fresh connection. PostgreSQL is required in CI.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/server/logger.ts';
import { openDatabase } from '../src/server/storage/database.ts';
import { createTestDatabase, storageKinds } from './support/storage.ts';

const available = (await storageKinds()).find((kind) => kind.kind === 'postgres')?.available ?? false;

describe('statements on PostgreSQL', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it.skipIf(!available)('are prepared once per connection, and a stale plan costs one retry', async () => {
    const database = await createTestDatabase();
    drops.push(database.drop);
    const { db, close } = await openDatabase(
      { kind: 'postgres', url: database.url, poolSize: 1 },
      createLogger('silent'),
    );
    try {
      await sql`create table probe (id int)`.execute(db);
      await sql`insert into probe values (1)`.execute(db);
      const read = () => sql<{ id: number }>`select * from probe`.execute(db);
      await read();
      await read();
      const preparedHere = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
      expect(preparedHere.rows.map((row) => row.statement)).toContain('select * from probe');

      // Another node's migration changes the table under the prepared plan.
      await sql`alter table probe add column label text`.execute(db);
      await expect(read()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect((await read()).rows).toEqual([{ id: 1, label: null }]);
    } finally {
      await close();
    }
  });
});
