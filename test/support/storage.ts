// Which databases the integration suites run against. PGlite always; PostgreSQL at 127.0.0.1:5432 when it
// answers. In CI (HAVRE_REQUIRE_SERVICES=1) a missing PostgreSQL fails the run instead of skipping.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type StorageKind = 'pglite' | 'postgres';

export const adminUrl = process.env.HAVRE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const required = process.env.HAVRE_REQUIRE_SERVICES === '1';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let detected: Promise<boolean> | null = null;

/** The storage kinds to run, with a visible notice for a skipped PostgreSQL on a laptop without one. */
export async function storageKinds(): Promise<{ kind: StorageKind; available: boolean }[]> {
  detected ??= postgresAnswers();
  const postgres = await detected;
  if (!postgres && required) {
    throw new Error(`HAVRE_REQUIRE_SERVICES=1 but PostgreSQL does not answer at ${adminUrl}`);
  }
  if (!postgres) {
    console.warn(
      `\n*** PostgreSQL does not answer at ${adminUrl}: its suites are SKIPPED (set HAVRE_REQUIRE_SERVICES=1 to fail instead) ***\n`,
    );
  }
  return [
    { kind: 'pglite', available: true },
    { kind: 'postgres', available: postgres },
  ];
}

/** A fresh, empty PostgreSQL database for one suite; drop() removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `havre_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
