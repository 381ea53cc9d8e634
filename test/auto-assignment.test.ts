// Automatic assignment over real sockets, against PGlite and PostgreSQL: off by default; when on, waiting
// visitors (urgent first, then oldest) go to the least loaded available counselor, never above her limit and
// never twice, when a visitor joins, a counselor becomes available or a conversation ends.
import { describe, expect, it } from 'vitest';
import type { StaffConversationView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor, type Counselor, type Recorded } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('automatic assignment on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  async function turnOn(): Promise<void> {
    const settings = await suite.server.havre.settings.current();
    await suite.server.havre.settings.update({ ...settings, autoAssignment: true });
  }

  async function aWaitingVisitor(): Promise<{ visitor: Recorded; id: string }> {
    const visitor = suite.track(await aVisitor(suite.server));
    const started = await visitor.ask('conversation:start', {});
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const ids = await suite.server.havre.db
      .selectFrom('conversations')
      .select('id')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return { visitor, id: ids[0]?.id ?? '' };
  }

  const assignedTo = (counselor: Counselor) =>
    counselor.next<StaffConversationView>('conversation:update', (view) => view.status === 'active');

  async function activeCounts(): Promise<Map<string, number>> {
    await suite.server.havre.autoAssignment.settled();
    const rows = await suite.server.havre.db
      .selectFrom('conversations')
      .select(['counselor_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', '=', 'active')
      .groupBy('counselor_id')
      .execute();
    return new Map(rows.map((row) => [row.counselor_id ?? '', Number(row.count)]));
  }

  it.skipIf(!available)('leaves visitors waiting while it is off, as by default', async () => {
    suite.track(await aCounselor(suite.server));
    const { visitor } = await aWaitingVisitor();
    await visitor.next('conversation:state', (state: any) => state.status === 'waiting');
    expect(await activeCounts()).toEqual(new Map());
    expect((await suite.server.havre.settings.current()).autoAssignment).toBe(false);
  });

  it.skipIf(!available)('spreads visitors over two counselors up to their limit, then on each ending', async () => {
    await turnOn();
    const camille = suite.track(await aCounselor(suite.server));
    const lea = suite.track(await aCounselor(suite.server));

    // Each joins when the previous one is assigned: least loaded first, then whoever waited longest.
    const first = await aWaitingVisitor();
    const one = await Promise.race([assignedTo(camille), assignedTo(lea)]);
    expect(one.id).toBe(first.id);
    await first.visitor.next('conversation:state', (state: any) => state.status === 'active');
    const second = await aWaitingVisitor();
    await second.visitor.next('conversation:state', (state: any) => state.status === 'active');
    let counts = await activeCounts();
    expect([...counts.values()]).toEqual([1, 1]);

    const third = await aWaitingVisitor();
    const fourth = await aWaitingVisitor();
    const fifth = await aWaitingVisitor();
    await third.visitor.next('conversation:state', (state: any) => state.status === 'active');
    await fourth.visitor.next('conversation:state', (state: any) => state.status === 'active');
    counts = await activeCounts();
    expect(counts.get(camille.id)).toBe(2);
    expect(counts.get(lea.id)).toBe(2);
    const waiting = await fifth.visitor.next('conversation:state', (state: any) => state.status === 'waiting');
    expect(waiting.position).toBe(1);

    // Léa ends one: the fifth visitor is hers at once.
    const leas = await suite.server.havre.db
      .selectFrom('conversations')
      .select('id')
      .where('counselor_id', '=', lea.id)
      .where('status', '=', 'active')
      .execute();
    lea.forget('conversation:update');
    const ended = await lea.ask('conversation:end', { conversationId: leas[0]?.id });
    expect(ended.ok).toBe(true);
    const given = await lea.next<StaffConversationView>(
      'conversation:update',
      (view) => view.status === 'active' && view.id === fifth.id,
    );
    expect(given.id).toBe(fifth.id);
    expect((await activeCounts()).get(lea.id)).toBe(2);
  });

  it.skipIf(!available)('gives a waiting visitor to a counselor as soon as she becomes available', async () => {
    await turnOn();
    const camille = suite.track(await aCounselor(suite.server, { available: false }));
    const { visitor, id } = await aWaitingVisitor();
    await visitor.next('conversation:state', (state: any) => state.status === 'waiting');
    expect(await activeCounts()).toEqual(new Map());
    await camille.ask('presence:set', { status: 'available' });
    expect((await assignedTo(camille)).id).toBe(id);
  });

  it.skipIf(!available)(
    'never assigns twice nor above a limit when many arrive at once and she takes too',
    async () => {
      await turnOn();
      const camille = suite.track(await aCounselor(suite.server));
      const lea = suite.track(await aCounselor(suite.server));
      const visitors = await Promise.all(
        Array.from({ length: 7 }, async () => {
          const visitor = suite.track(await aVisitor(suite.server));
          return visitor;
        }),
      );
      const [started, takes] = await Promise.all([
        Promise.all(visitors.map((visitor) => visitor.ask('conversation:start', {}))),
        Promise.all([camille.ask('queue:take-next'), lea.ask('queue:take-next'), camille.ask('queue:take-next')]),
      ]);
      expect(started.every((answer: any) => answer.ok)).toBe(true);
      for (const take of takes) {
        if (!take.ok) expect(['AT_CAPACITY', 'QUEUE_EMPTY']).toContain(take.error.code);
      }
      // Wait until the four places are filled (drains run after the answers), then let every drain finish.
      const total = async () => [...(await activeCounts()).values()].reduce((sum, count) => sum + count, 0);
      await expect.poll(total).toBe(4);
      const counts = await activeCounts();
      expect(counts.get(camille.id)).toBe(2);
      expect(counts.get(lea.id)).toBe(2);
      const waiting = await suite.server.havre.db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'waiting')
        .execute();
      expect(waiting).toHaveLength(3);
    },
  );
});
