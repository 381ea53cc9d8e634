// A fresh PostgreSQL database, havre_bench_<random>, for one run: created on the --postgres-url server and
// dropped again by the clean-up.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanUp } from './clean-up.ts';

/** Creates the database and returns its URL. */
export async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `havre_bench_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database ${name}`);
  onCleanUp(() => runAsAdmin(adminUrl, `drop database if exists ${name} with (force)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
