// Stable, neutral visitor labels (issue 12, item 2): "Visiteuse N" is given by the server once per
// conversation, in order of arrival within the helpline's day, never derived from anything she typed; every
// console, the waiting list, the board and a reload show the same number, and a new day starts again at 1.
import { describe, expect, it } from 'vitest';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('visitor labels on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  it.skipIf(!available)('numbers conversations by arrival, the same for everyone, and afresh each day', async () => {
    const ana = suite.track(await aCounselor(suite.server));
    const bea = suite.track(await aCounselor(suite.server, { role: 'supervisor' }));
    // Three arrive at once: three different numbers, whatever the order the database takes them in.
    const visitors = await Promise.all([1, 2, 3].map(async () => suite.track(await aVisitor(suite.server))));
    await Promise.all(visitors.map((visitor) => visitor.ask('conversation:start', { locale: 'fr' })));
    const queue = await ana.next('queue:update', (update: any) => update.waiting === 3);
    expect(queue.entries.map((entry: any) => entry.visitorNumber).sort()).toEqual([1, 2, 3]);

    const first = await ana.ask('queue:take-next');
    const second = await bea.ask('queue:take-next');
    const numbers = [first.conversation.visitorNumber, second.conversation.visitorNumber];
    expect(numbers).toEqual(queue.entries.slice(0, 2).map((entry: any) => entry.visitorNumber));
    // The board and a fresh console (a reload) say the same.
    const board = await bea.ask('supervision:board');
    const onBoard = board.board.conversations.map((conversation: any) => [conversation.id, conversation.visitorNumber]);
    expect(onBoard).toEqual(
      expect.arrayContaining([
        [first.conversation.id, numbers[0]],
        [second.conversation.id, numbers[1]],
      ]),
    );
    ana.forget('staff:state');
    ana.socket.disconnect().connect();
    const state = await ana.next('staff:state');
    expect(state.conversations.map((conversation: any) => conversation.visitorNumber)).toEqual([numbers[0]]);

    // Another day begins again at 1 (a week on: the chat is open on Wednesdays).
    suite.server.clock.advance(7 * 24 * 60 * 60_000);
    const nextWeek = suite.track(await aVisitor(suite.server));
    expect((await nextWeek.ask('conversation:start', { locale: 'fr' })).ok).toBe(true);
    const row = await suite.server.havre.db
      .selectFrom('conversations')
      .select('visitor_number')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.visitor_number).toBe(1);
  });
});
