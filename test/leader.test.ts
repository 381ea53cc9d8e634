// The database jobs run on one node (issue 14): the holder of PostgreSQL's advisory lock. Two nodes on one
// database: exactly one leads; when it stops (or its session dies), the other takes over at its next try.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advisoryLeader, type Leadership, soleLeader } from '../src/server/jobs/leader.ts';
import { periodicJob } from '../src/server/jobs/periodic-job.ts';
import { createTestDatabase, storageKinds } from './support/storage.ts';

const postgres = (await storageKinds()).find((kind) => kind.kind === 'postgres');
const log = pino({ level: 'silent' });

describe('the jobs leader', () => {
  let database: { url: string; drop(): Promise<void> } | null = null;
  const leaders: Leadership[] = [];
  beforeAll(async () => {
    if (postgres?.available) database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const leader of leaders) await leader.stop();
    await database?.drop();
  });

  it('is always this node alone on PGlite', () => {
    expect(soleLeader().isLeader()).toBe(true);
  });

  it.skipIf(!postgres?.available)('is one node of two on PostgreSQL, and the other once it stops', async () => {
    const url = database?.url ?? '';
    const [one, two] = [advisoryLeader({ url, log, retryMs: 100 }), advisoryLeader({ url, log, retryMs: 100 })];
    leaders.push(one, two);
    await one.start();
    await two.start();
    expect([one.isLeader(), two.isLeader()]).toEqual([true, false]);

    // A job ticking on both nodes runs on the leader only.
    let runs = 0;
    const jobs = [one, two].map((node) =>
      periodicJob({ name: 'test', everyMs: 20, log, leader: node.isLeader }, async () => {
        runs += 1;
      }),
    );
    for (const job of jobs) job.start();
    await new Promise((resolve) => setTimeout(resolve, 210));
    for (const job of jobs) job.stop();
    expect(runs).toBeGreaterThanOrEqual(5);
    expect(runs).toBeLessThanOrEqual(12);

    await one.stop();
    await expect.poll(() => two.isLeader(), { timeout: 2_000, interval: 50 }).toBe(true);
    expect(one.isLeader()).toBe(false);
  });
});
