// A waiting visitor whose tab is gone gives up her place after a grace period; one who comes back keeps it.
import { expect, it } from 'vitest';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';

const GRACE_MS = 400;
const suite = useTestServer('pglite', { visitorGraceMs: GRACE_MS });

it('gives up the place of a visitor who has not come back within the grace period', async () => {
  const counselor = await aCounselor(suite.server);
  const visitor = await aVisitor(suite.server);
  await visitor.ask('conversation:start');
  await counselor.next('queue:update', (q: any) => q.waiting === 1);
  counselor.forget('queue:update');
  visitor.close();
  await counselor.next('queue:update', (q: any) => q.waiting === 0);
  expect((await counselor.ask('queue:take-next')).error.code).toBe('QUEUE_EMPTY');
  counselor.close();
});

it('keeps the place of a visitor who reconnects in time', async () => {
  const counselor = await aCounselor(suite.server);
  const visitor = await aVisitor(suite.server);
  const { token } = await visitor.ask('conversation:start');
  visitor.close();
  const back = await aVisitor(suite.server);
  expect((await back.ask('conversation:resume', { token, afterSeq: 0 })).conversation.status).toBe('waiting');
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS * 3));
  expect((await counselor.ask('queue:take-next')).ok).toBe(true);
  back.close();
  counselor.close();
});
