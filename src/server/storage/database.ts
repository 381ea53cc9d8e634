// Opens the database: PGlite in a data folder by default, a PostgreSQL server when DATABASE_URL is set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { Logger } from 'pino';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { createPostgresPool, type DatabaseTimeouts, DEFAULT_DATABASE_TIMEOUTS } from './postgres-pool.ts';
import type { Database } from './schema.ts';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize: number; timeouts?: Partial<DatabaseTimeouts> };

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DatabaseTarget['kind'];
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget, log: Logger): Promise<OpenedDatabase> {
  const db = target.kind === 'pglite' ? await openPGlite(target.dataDir) : openPostgres(target, log);
  await migrateToLatest(db as Kysely<unknown>);
  return { db, kind: target.kind, close: () => db.destroy() };
}

async function openPGlite(dataDir: string | null): Promise<Kysely<Database>> {
  let path: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    path = join(dataDir, 'pglite');
  }
  const pglite = await PGlite.create(path);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>, log: Logger): Kysely<Database> {
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...target.timeouts };
  const pool = createPostgresPool({ url: target.url, poolSize: target.poolSize, timeouts }, log);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) });
}
