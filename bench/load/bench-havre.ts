// Havre under load: a temporary data folder, a database prepared with N counselors (PGlite in that folder, or a
// fresh PostgreSQL database), Havre started on it (under --cpu-prof or --trace-gc when asked), the load, then
// Havre stopped and its CPU profile summed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newToken } from '../../src/server/services/tokens.ts';
import { onCleanUp } from './clean-up.ts';
import { keepAndSummariseProfile, type ProfileSummary } from './cpu-profile.ts';
import type { Options } from './options.ts';
import { createPostgresDatabase } from './postgres-database.ts';
import { prepareDatabase } from './prepare-database.ts';
import { progress } from './progress.ts';
import { type LoadResult, runLoad } from './run-load.ts';
import { startServerProcess, stopServerProcess } from './server-process.ts';

export interface HavreBench {
  result: LoadResult;
  profile: ProfileSummary | null;
}

export async function benchHavre(options: Options): Promise<HavreBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'havre-bench-'));
  onCleanUp(async () => rmSync(dataDir, { recursive: true, force: true }));
  const secret = newToken();
  const databaseUrl = options.db === 'postgres' ? await createPostgresDatabase(options.postgresUrl) : null;
  progress(`preparing ${options.conversations} counselors in ${options.db}`);
  const cookies = await prepareDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize: 4 } : { kind: 'pglite', dataDir },
    options.conversations,
    secret,
  );
  const profileDir = join(dataDir, 'profile');
  const nodeArgs = [
    ...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ...(options.traceGc ? ['--trace-gc'] : []),
    'src/server/main.ts',
  ];
  const server = await startServerProcess('havre', nodeArgs, {
    DATA_DIR: dataDir,
    HAVRE_SECRET: secret,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(options.poolSize),
    // A thousand clients from 127.0.0.1 are one network: its doors would hold them (decision 0018).
    LIMITS_PER_NETWORK: 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  progress(`Havre (${options.db}) is listening at ${server.url}, pid ${server.process.pid}`);
  const result = await runLoad({ server, cookies, measurePostgres: databaseUrl !== null }, options);
  await stopServerProcess(server);
  const profile = options.profile ? keepAndSummariseProfile(profileDir, result.window) : null;
  return { result, profile };
}
