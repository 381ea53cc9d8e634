// Several nodes, one truth (issue 14): two or three nodes on loopback share one PostgreSQL and one Redis, and a
// visitor and a counselor on different nodes talk as if there were one. Redis and PostgreSQL are required in CI.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import type { SupervisionBoardView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor, newClientId, type Recorded } from './support/clients.ts';
import { clusterAvailable, startCluster, type TestCluster } from './support/cluster.ts';

const available = await clusterAvailable();

describe('a cluster of nodes', () => {
  const clusters: TestCluster[] = [];
  const clients: { close(): void }[] = [];
  const track = <T extends { close(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const cluster of clusters.splice(0)) await cluster.stop();
  });
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
  const cluster = async (count: number) => {
    const started = await startCluster(count, { env: { TRUST_PROXY: 'true' } });
    clusters.push(started);
    return started;
  };
  /** Two nodes, and the cluster's clock. */
  const twoNodes = async () => {
    const started = await cluster(2);
    const [one, two] = started.nodes;
    if (!one || !two) throw new Error('two nodes');
    return { one, two, clock: started.clock };
  };

  it.skipIf(!available)('carries a conversation between a visitor on one node and a counselor on another', async () => {
    const { one, two } = await twoNodes();
    const counselor = track(await aCounselor(two));
    const visitor: Recorded = track(await aVisitor(one));
    expect((await visitor.ask('conversation:start', { locale: 'fr' })).ok).toBe(true);
    // The queue entry made on node one reaches the console on node two.
    await counselor.next('queue:update', (queue: any) => queue.entries.length === 1);
    const taken = await counselor.ask('queue:take-next');
    expect(taken.ok).toBe(true);
    await visitor.next('conversation:state', (state: any) => state.status === 'active');

    expect((await visitor.ask('message:send', { clientId: newClientId(), text: 'bonjour' })).ok).toBe(true);
    expect(await counselor.next('message:new', (event: any) => event.message.text === 'bonjour')).toBeTruthy();
    const conversationId = taken.conversation.id as string;
    const reply = { conversationId, clientId: newClientId(), text: 'je vous écoute' };
    expect((await counselor.ask('message:send', reply)).ok).toBe(true);
    expect(await visitor.next('message:new', (message: any) => message.text === 'je vous écoute')).toBeTruthy();

    // Typing goes both ways too.
    await visitor.ask('typing', { typing: true });
    expect(await counselor.next('typing', (event: any) => event.typing === true)).toMatchObject({ conversationId });
    await counselor.ask('typing', { conversationId, typing: true });
    expect(await visitor.next('typing', (event: any) => event.typing === true)).toBeTruthy();
  });

  it.skipIf(!available)(
    'knows on every node who pauses, and gives no visitor to a counselor paused elsewhere',
    async () => {
      const { one, two } = await twoNodes();
      const settings = await one.havre.settings.current();
      await one.havre.settings.update({ ...settings, autoAssignment: true });
      const counselor = track(await aCounselor(one));
      const supervisor = track(await aCounselor(two, { role: 'supervisor', available: false }));
      const { board } = await supervisor.ask('supervision:board');
      expect(board.staff.find((c: any) => c.id === counselor.id)).toMatchObject({ status: 'available' });

      // A visitor on node two is given to the counselor whose console is on node one.
      two.havre.settings.forget();
      const first = track(await aVisitor(two));
      await first.ask('conversation:start', { locale: 'fr' });
      await first.next('conversation:state', (state: any) => state.status === 'active');

      // She pauses on node one: node two's board shows it, and its automatic assignment leaves the next visitor waiting.
      expect((await counselor.ask('presence:set', { status: 'paused' })).ok).toBe(true);
      await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) =>
        b.staff.some((c) => c.id === counselor.id && c.status === 'paused'),
      );
      expect(two.havre.autoAssignment).toBeTruthy();
      const second = track(await aVisitor(two));
      await second.ask('conversation:start', { locale: 'fr' });
      await second.next('conversation:state', (state: any) => state.status === 'waiting' && state.position === 1);
      await two.havre.autoAssignment.settled();
      await one.havre.autoAssignment.settled();
      const waiting = await two.havre.db
        .selectFrom('conversations')
        .select('status')
        .where('status', '=', 'waiting')
        .execute();
      expect(waiting).toHaveLength(1);
    },
  );

  it.skipIf(!available)('transfers, whispers and refreshes settings across nodes', async () => {
    const { one, two } = await twoNodes();
    const sender = track(await aCounselor(one));
    const receiver = track(await aCounselor(two));
    const supervisor = track(await aCounselor(two, { role: 'supervisor', available: false }));
    const visitor = track(await aVisitor(one));
    await visitor.ask('conversation:start', { locale: 'fr' });
    const taken = await sender.ask('queue:take-next');
    const conversationId = taken.conversation.id as string;

    // The colleague on node two is offered, and the conversation moves to her.
    const { colleagues } = await sender.ask('transfer:colleagues');
    expect(colleagues.map((c: any) => c.id)).toContain(receiver.id);
    expect((await sender.ask('conversation:transfer', { conversationId, toStaffId: receiver.id, note: '' })).ok).toBe(
      true,
    );
    expect(await receiver.next('conversation:transferred-in')).toMatchObject({ conversation: { id: conversationId } });

    // A supervisor on node two whispers to her; a console of hers opened later on node one still holds it.
    const whisper = { conversationId, clientId: newClientId(), text: 'demandez-lui si elle est en sécurité' };
    expect((await supervisor.ask('supervision:whisper', whisper)).ok).toBe(true);
    expect(await receiver.next('whisper:new')).toMatchObject({ text: whisper.text });
    const again = io(`${one.url}${namespaces.staff}`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: receiver.cookie },
    });
    track(again);
    const state: any = await new Promise((resolve) => again.once('staff:state', resolve));
    expect(state.whispers).toMatchObject([{ text: whisper.text }]);

    // Settings changed by an admin through node one reach the consoles on node two at once.
    const admin = track(await aCounselor(one, { role: 'admin', available: false }));
    const url = `${one.url}/api/admin/settings`;
    const { settings } = await (await fetch(url, { headers: { cookie: admin.cookie } })).json();
    expect(settings.maxConversationsPerCounselor).not.toBe(4);
    const put = await fetch(url, {
      method: 'PUT',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ ...settings, maxConversationsPerCounselor: 4 }),
    });
    expect(put.status).toBe(200);
    expect(await receiver.next('staff:state', (state: any) => state.me.maxConversations === 4)).toBeTruthy();
  });

  it.skipIf(!available)('blocks, from a counselor on one node, a troll who started on another', async () => {
    const { one, two } = await twoNodes();
    const counselor = track(await aCounselor(two));
    // Two blocks from one network: the network is refused a while, on every node.
    for (let round = 0; round < 2; round += 1) {
      const troll = track(await aVisitor(one, from('203.0.113.7')));
      expect((await troll.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
      const taken = await counselor.ask('queue:take-next');
      expect((await counselor.ask('conversation:block', { conversationId: taken.conversation.id })).ok).toBe(true);
    }
    const neutral = { ok: false, error: { code: 'INTAKE_PAUSED' } };
    for (const node of [one, two]) {
      const next = track(await aVisitor(node, from('203.0.113.7')));
      expect(await next.ask('conversation:start', { tab: randomUUID() })).toMatchObject(neutral);
    }
    const someoneElse = track(await aVisitor(two, from('198.51.100.9')));
    expect((await someoneElse.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
  });

  it.skipIf(!available)(
    'never gives one visitor to two counselors taking the next on three nodes at once',
    async () => {
      const { nodes } = await cluster(3);
      const counselors = await Promise.all(
        nodes.flatMap((node) => [aCounselor(node), aCounselor(node)]).map(async (c) => track(await c)),
      );
      const visitors = await Promise.all(nodes.map(async (node) => track(await aVisitor(node))));
      for (const visitor of visitors) expect((await visitor.ask('conversation:start', { locale: 'fr' })).ok).toBe(true);
      const takes = await Promise.all(counselors.map((counselor) => counselor.ask('queue:take-next')));
      const given = takes.filter((take) => take.ok).map((take) => take.conversation.id);
      expect(given).toHaveLength(3);
      expect(new Set(given).size).toBe(3);
      for (const take of takes.filter((t) => !t.ok)) expect(take.error.code).toBe('QUEUE_EMPTY');
    },
  );

  it.skipIf(!available)('moves the admission work on the whole cluster’s arrivals, alike on every node', async () => {
    const { one, two, clock } = await twoNodes();
    // Nine newcomers through node one, three through node two: each node alone would see another rate.
    for (const [node, count] of [
      [one, 9],
      [two, 3],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const visitor = track(await aVisitor(node));
        expect((await visitor.ask('conversation:start', { locale: 'fr' })).ok).toBe(true);
      }
    }
    clock.advance(20_000);
    await one.havre.work.tick();
    await two.havre.work.tick();
    const [seenByOne, seenByTwo] = [one.havre.work.view(), two.havre.work.view()];
    expect(seenByOne.admittedPerMinute).toBeGreaterThan(0);
    expect(seenByTwo.admittedPerMinute).toBe(seenByOne.admittedPerMinute);
    expect(seenByTwo.maxNumber).toBe(seenByOne.maxNumber);
  });
});
