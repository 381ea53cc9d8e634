// Cluster mode, as far as it goes (issue 14): REDIS_URL refuses to start without what every node must share
// (PostgreSQL, the session secret, the master key), refuses a Redis that writes to disk, and puts the
// short-lived state in Redis, each key with its expiry (two nodes sharing it: store-contract.test.ts).
// Redis and PostgreSQL are required in CI.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { redisPersists } from '../src/server/cluster/cluster-link.ts';
import { loadConfig } from '../src/server/config.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { redisAvailable, redisClient, redisUrl } from './support/redis.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { storageKinds } from './support/storage.ts';

const postgres = (await storageKinds()).find((kind) => kind.kind === 'postgres')?.available ?? false;
const redis = await redisAvailable();
const shared = {
  REDIS_URL: redisUrl,
  HAVRE_SECRET: randomBytes(32).toString('hex'),
  HAVRE_MASTER_KEY: randomBytes(32).toString('base64'),
};

describe('cluster mode', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });

  it('refuses REDIS_URL without the database and the keys every node must share', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /DATABASE_URL[\s\S]*HAVRE_SECRET[\s\S]*HAVRE_MASTER_KEY/,
    );
    expect(() => loadConfig({ ...shared, DATABASE_URL: 'postgres://x@127.0.0.1/db', HAVRE_SECRET: undefined })).toThrow(
      /HAVRE_SECRET/,
    );
    expect(loadConfig({ ...shared, DATABASE_URL: 'postgres://x@127.0.0.1/db' }).redisUrl).toBe(redisUrl);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/redis:\/\//);
  });

  it('tells a Redis that writes to disk from one that does not', async () => {
    const answering = (save: string, appendonly: string) =>
      ({ config: async (_get: string, name: string) => [name, name === 'save' ? save : appendonly] }) as never;
    expect(await redisPersists(answering('', 'no'))).toBe(false);
    expect(await redisPersists(answering('3600 1 300 100', 'no'))).toBe(true);
    expect(await redisPersists(answering('', 'yes'))).toBe(true);
    expect(
      await redisPersists({ config: async () => Promise.reject(new Error('unknown command')) } as never),
    ).toBeNull();
  });

  it.skipIf(!postgres || !redis)('keeps the short-lived state in Redis, each key with its expiry', async () => {
    const server = await startTestServer('postgres', { env: shared });
    servers.push(server);
    const connection = redisClient();
    await connection.connect();
    try {
      const before = await connection.keys('havre:*');
      // A visitor's admission work: its single-use mark is now in Redis, for every node to refuse a replay.
      const counselor = await aCounselor(server);
      const visitor = await aVisitor(server);
      expect((await visitor.ask('conversation:start', { intake: {} })).ok).toBe(true);
      const after = await connection.keys('havre:*');
      expect(after.length).toBeGreaterThan(before.length);
      for (const key of after.filter((name) => !before.includes(name))) {
        expect(await connection.pttl(key), key).toBeGreaterThan(0);
      }
      visitor.close();
      counselor.close();
    } finally {
      connection.disconnect();
    }
  });
});
