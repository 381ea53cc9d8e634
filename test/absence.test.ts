// A waiting visitor whose connection is gone keeps her place for a while (decision 0006): nobody is given her
// empty chair meanwhile, she is where she was when she comes back, and past that time her place is given up as
// `connection_lost`.
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
  const rows = await suite.server.havre.db.selectFrom('conversations').select('closed_reason').execute();
  expect(rows).toEqual([{ closed_reason: 'connection_lost' }]);
  counselor.close();
});

it('gives nobody the chair of a visitor who is away, and gives her back her place when she returns', async () => {
  const counselor = await aCounselor(suite.server);
  const first = await aVisitor(suite.server);
  const { token } = await first.ask('conversation:start');
  const second = await aVisitor(suite.server);
  await second.ask('conversation:start');
  await counselor.next('queue:update', (q: any) => q.waiting === 2);
  counselor.forget('queue:update');
  first.close();
  const away = await counselor.next('queue:update', (q: any) => q.entries[0]?.absent === true);
  expect(away.entries.map((e: any) => e.absent)).toEqual([true, false]);

  // Taking the next person skips her: the counselor gets someone who is there.
  const taken = await counselor.ask('queue:take-next');
  expect(taken.ok).toBe(true);
  const secondState = await second.next('conversation:state', (state: any) => state.status === 'active');
  expect(secondState.status).toBe('active');

  const back = await aVisitor(suite.server);
  const resumed = await back.ask('conversation:resume', { token, afterSeq: 0 });
  expect(resumed.conversation).toMatchObject({ status: 'waiting', position: 1 });
  await counselor.next('queue:update', (q: any) => q.entries[0]?.absent === false);
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS * 3));
  expect((await counselor.ask('queue:take-next')).ok).toBe(true);
  for (const client of [back, second, counselor]) client.close();
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

it('opens one conversation per tab even when the start is sent twice at once', async () => {
  const counselor = await aCounselor(suite.server);
  const visitor = await aVisitor(suite.server);
  const answers = await Promise.all([visitor.ask('conversation:start'), visitor.ask('conversation:start')]);
  expect(answers.map((a) => a.ok).sort()).toEqual([false, true]);
  expect(answers.find((a) => !a.ok).error.code).toBe('ALREADY_IN_CONVERSATION');
  await counselor.next('queue:update', (q: any) => q.waiting === 1);
  visitor.close();
  counselor.close();
});

it('watches the conversation a tab lets go of when it resumes another one', async () => {
  const counselor = await aCounselor(suite.server);
  const first = await aVisitor(suite.server);
  const second = await aVisitor(suite.server);
  await first.ask('conversation:start');
  const { token } = await second.ask('conversation:start');
  await counselor.next('queue:update', (q: any) => q.waiting === 2);
  counselor.forget('queue:update');
  second.close();
  // The first tab now resumes the second conversation: nobody is left on the first one.
  expect((await first.ask('conversation:resume', { token, afterSeq: 0 })).ok).toBe(true);
  await counselor.next('queue:update', (q: any) => q.waiting === 1);
  expect((await counselor.ask('queue:take-next')).ok).toBe(true);
  expect((await counselor.ask('queue:take-next')).error.code).toBe('QUEUE_EMPTY');
  first.close();
  counselor.close();
});
