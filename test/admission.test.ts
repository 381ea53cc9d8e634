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
    await change((settings) => ({ ...settings, servePastClosingMinutes: 0 })); // closes at the hour
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

  it('counts the minutes granted after closing before warning', async () => {
    suite.server.clock.advance(3 * 3600_000 + 20 * 60_000); // 17:50; those waiting are served until 18:30
    const counselor = track(await aCounselor(suite.server));
    for (let i = 0; i < 2; i++) {
      await track(await aVisitor(suite.server)).ask('conversation:start');
      await counselor.ask('queue:take-next');
    }
    expect(await status()).toMatchObject({ estimatedWaitMinutes: 15, waitExceedsClosing: false });
  });

  it('does not let two short test chats promise a wait of one minute', async () => {
    const counselor = track(await aCounselor(suite.server));
    const fillHerSlots = async () => {
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        await track(await aVisitor(suite.server)).ask('conversation:start');
        ids.push((await counselor.ask('queue:take-next')).conversation.id);
      }
      return ids;
    };
    // Two chats of a few seconds each, as when someone tries the service.
    for (const id of await fillHerSlots()) {
      suite.server.clock.advance(5_000);
      await counselor.ask('conversation:end', { conversationId: id });
    }
    suite.server.clock.advance(61_000); // past the minute the figure is kept
    await fillHerSlots();
    // Her two slots are taken: the first newcomer waits for one to free, 30 min / 2, not "1 minute".
    expect(await status()).toMatchObject({ estimatedWaitMinutes: 15 });
  });

  it('does not warn when the wait ends before closing time', async () => {
    track(await aCounselor(suite.server));
    expect(await status()).toMatchObject({ estimatedWaitMinutes: 0, waitExceedsClosing: false });
  });
});

describe('closing time', () => {
  // OPEN_INSTANT is Wednesday 14:30 in Paris (13:30Z); the chat closes at 18:00 (17:00Z).
  const toParis = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    suite.server.clock.advance(
      new Date(`2026-12-02T${String((h ?? 0) - 1).padStart(2, '0')}:${String(m ?? 0).padStart(2, '0')}:00Z`).getTime() -
        suite.server.clock.now().getTime(),
    );
  };

  async function aVisitorWaitingBehindAFullDesk() {
    const counselor = track(await aCounselor(suite.server));
    for (let i = 0; i < 2; i++) {
      await track(await aVisitor(suite.server)).ask('conversation:start');
      await counselor.ask('queue:take-next');
    }
    const visitor = track(await aVisitor(suite.server));
    const { token } = await visitor.ask('conversation:start');
    return { counselor, visitor, token: token as string };
  }

  it('serves those already waiting for the minutes granted, says until when, then closes the rest kindly', async () => {
    toParis('17:50');
    const { visitor, token } = await aVisitorWaitingBehindAFullDesk();

    toParis('18:05');
    expect(await suite.server.havre.closing.runNow()).toBe(0);
    const told = await visitor.next('conversation:state', (state: any) => state.servingUntil !== null);
    expect(told).toMatchObject({ status: 'waiting', servingUntil: '2026-12-02T17:30:00.000Z' });
    // A reload keeps it: the resumed view says the same.
    const again = track(await aVisitor(suite.server));
    const resumed = await again.ask('conversation:resume', { token, afterSeq: 0 });
    expect(resumed.conversation).toMatchObject({ status: 'waiting', servingUntil: '2026-12-02T17:30:00.000Z' });

    toParis('18:30');
    expect(await suite.server.havre.closing.runNow()).toBe(1);
    const ended = await again.next('conversation:state', (state: any) => state.status === 'closed');
    expect(ended).toMatchObject({ closedReason: 'turned_away_at_closing', servingUntil: null });
    const row = await suite.server.havre.db
      .selectFrom('conversations')
      .select(['closed_reason', 'closing_form_due'])
      .where('status', '=', 'closed')
      .execute();
    expect(row).toEqual([{ closed_reason: 'turned_away_at_closing', closing_form_due: false }]);
    // Those being served are not touched.
    const active = await suite.server.havre.db
      .selectFrom('conversations')
      .select('id')
      .where('status', '=', 'active')
      .execute();
    expect(active).toHaveLength(2);
  });

  it('closes at the hour when the admins grant nothing, and lets no one new join after', async () => {
    await change((settings) => ({ ...settings, servePastClosingMinutes: 0 }));
    toParis('17:59');
    const { visitor } = await aVisitorWaitingBehindAFullDesk();
    expect(await suite.server.havre.closing.runNow()).toBe(0);
    toParis('18:00');
    expect(await suite.server.havre.closing.runNow()).toBe(1);
    expect(await visitor.next('conversation:state', (state: any) => state.status === 'closed')).toMatchObject({
      closedReason: 'turned_away_at_closing',
    });

    await change((settings) => ({ ...settings, servePastClosingMinutes: 60 }));
    const next = track(await aVisitor(suite.server));
    expect((await next.ask('conversation:start')).error.code).toBe('QUEUE_CLOSED');
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
