// Havre under load: a temporary data folder, a database prepared with N counselors (PGlite in that folder, or a
// fresh PostgreSQL database), Havre started on it (under --cpu-prof or --trace-gc when asked), the load, then
// Havre stopped and its CPU profile summed. With --nodes, a cluster: a Redis of the bench's own and further nodes
// on the same database, each with a copy of the first node's keyring.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newToken } from '../../src/server/services/tokens.ts';
import { startBenchRedis } from './bench-redis.ts';
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
  // The flags `npm start` gives (package.json), so that the bench measures what runs in production.
  const startFlags = ['--max-semi-space-size=16'];
  const nodeArgs = [
    ...startFlags,
    ...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ...(options.traceGc ? ['--trace-gc'] : []),
    'src/server/main.ts',
  ];
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    HAVRE_SECRET: secret,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(options.poolSize),
    // A thousand clients from 127.0.0.1 are one network: its doors would hold them (decision 0018).
    LIMITS_PER_NETWORK: 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  // A cluster (docs/cluster.md): one Redis, one master key, and each further node a copy of the first's keyring.
  const redis = options.nodes > 1 ? await startBenchRedis() : null;
  const clusterEnv: Record<string, string> = redis
    ? { REDIS_URL: redis.url, HAVRE_MASTER_KEY: randomBytes(32).toString('base64') }
    : {};
  const server = await startServerProcess('havre', nodeArgs, { ...env, ...clusterEnv });
  progress(`Havre (${options.db}) is listening at ${server.url}, pid ${server.process.pid}`);
  if (redis) {
    const peers = [];
    for (let n = 2; n <= options.nodes; n += 1) {
      const nodeDir = join(dataDir, `node-${n}`);
      mkdirSync(nodeDir);
      copyFileSync(join(dataDir, 'keyring'), join(nodeDir, 'keyring'));
      const peer = await startServerProcess(`havre-${n}`, [...startFlags, 'src/server/main.ts'], {
        ...env,
        ...clusterEnv,
        DATA_DIR: nodeDir,
      });
      progress(`Havre node ${n} is listening at ${peer.url}, pid ${peer.process.pid}`);
      peers.push(peer);
    }
    server.cluster = { peers, redisPid: redis.pid };
  }
  const result = await runLoad({ server, cookies, measurePostgres: databaseUrl !== null }, options);
  for (const peer of server.cluster?.peers ?? []) await stopServerProcess(peer);
  await stopServerProcess(server);
  const profile = options.profile ? keepAndSummariseProfile(profileDir, result.window) : null;
  return { result, profile };
}
