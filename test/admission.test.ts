// Who is let in and in what order: the optional intake ("in danger now" goes first), admission paused or
// capped by admins, an honest warning when the wait runs past closing time, and quick exit seen by staff.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../src/protocol/schemas.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';

const suite = useTestServer();
const track = suite.track;

async function change(edit: (settings: Settings) => Settings) {
  await suite.server.havre.settings.update(edit(await suite.server.havre.settings.current()));
}
const status = async () => (await (await fetch(`${suite.server.url}/api/status`)).json()).status;

describe('intake', () => {
  it('puts a visitor in danger ahead of those who came before, and shows staff why', async () => {
    const counselor = track(await aCounselor(suite.server, { available: false }));
    const earlier = track(await aVisitor(suite.server));
    await earlier.ask('conversation:start', { intake: { age: '18-21', danger: 'no' } });
    const inDanger = track(await aVisitor(suite.server));
    const started = await inDanger.ask('conversation:start', { intake: { danger: 'yes' } });
    expect(started.conversation).toMatchObject({ urgent: true, position: 1 });
    expect(await earlier.next('conversation:state', (s: any) => s.position === 2)).toMatchObject({ urgent: false });

    const queue = await counselor.next('queue:update', (q: any) => q.waiting === 2);
    expect(queue.entries.map((e: any) => [e.urgent, e.intake])).toEqual([
      [true, { danger: 'yes' }],
      [false, { age: '18-21', danger: 'no' }],
    ]);
    await counselor.ask('presence:set', { status: 'available' });
    const taken = await counselor.ask('queue:take-next');
    expect(taken.conversation.id).toBe(queue.entries[0].conversationId);
  });

  it('refuses answers to questions that are not asked, and changes nothing', async () => {
    const visitor = track(await aVisitor(suite.server));
    const answer = await visitor.ask('conversation:start', { intake: { danger: 'perhaps' } });
    expect(answer.error).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: 'intake.danger: not an answer to this question',
    });
    expect((await status()).estimatedWaitMinutes).toBeNull();
    expect((await visitor.ask('conversation:start', { intake: { 'no such': 'x' } })).error.code).toBe(
      'INVALID_PAYLOAD',
    );
  });

  it('offers the admins’ questions on the public status', async () => {
    const { intake } = await status();
    expect(intake.enabled).toBe(true);
    expect(intake.questions.map((q: any) => q.id)).toEqual(['danger', 'age', 'concerned']);
    expect(intake.questions[0].options.find((o: any) => o.id === 'yes').urgent).toBe(true);
  });
});

describe('admission', () => {
  it('turns new visitors away with the reason while intake is paused', async () => {
    await change((s) => ({ ...s, admission: { paused: true, maxQueue: null } }));
    expect((await status()).admission).toEqual({ paused: true, full: false });
    const visitor = track(await aVisitor(suite.server));
    expect((await visitor.ask('conversation:start')).error.code).toBe('INTAKE_PAUSED');
  });

  it('caps the queue', async () => {
    await change((s) => ({ ...s, admission: { paused: false, maxQueue: 1 } }));
    const first = track(await aVisitor(suite.server));
    expect((await first.ask('conversation:start')).ok).toBe(true);
    expect((await status()).admission).toEqual({ paused: false, full: true });
    const second = track(await aVisitor(suite.server));
    expect((await second.ask('conversation:start')).error.code).toBe('QUEUE_FULL');
  });
});

describe('honest wait', () => {
  it('says before she joins, and while she waits, when the wait runs past closing time', async () => {
    suite.server.clock.advance(3 * 3600_000 + 20 * 60_000); // 17:50 in Paris; closes at 18:00
    const counselor = track(await aCounselor(suite.server));
    for (let i = 0; i < 2; i++) {
      await track(await aVisitor(suite.server)).ask('conversation:start');
      await counselor.ask('queue:take-next');
    }
    // Both of her slots are taken: a newcomer waits for one to free, about 30 min / 2 = 15 min.
    expect(await status()).toMatchObject({ estimatedWaitMinutes: 15, waitExceedsClosing: true });
    const late = track(await aVisitor(suite.server));
    const started = await late.ask('conversation:start');
    expect(started.conversation).toMatchObject({ position: 1, estimatedWaitMinutes: 15, waitExceedsClosing: true });
  });

  it('does not warn when the wait ends before closing time', async () => {
    track(await aCounselor(suite.server));
    expect(await status()).toMatchObject({ estimatedWaitMinutes: 0, waitExceedsClosing: false });
  });
});

describe('quick exit', () => {
  it('tells the counselor that the visitor left quickly', async () => {
    const counselor = track(await aCounselor(suite.server));
    const visitor = track(await aVisitor(suite.server));
    await visitor.ask('conversation:start');
    const { conversation } = await counselor.ask('queue:take-next');
    await visitor.ask('conversation:end', { reason: 'quick_exit' });
    const update = await counselor.next(
      'conversation:update',
      (c: any) => c.id === conversation.id && c.status === 'closed',
    );
    expect(update.closedReason).toBe('visitor_left_quickly');
  });
});
