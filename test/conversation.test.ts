// A whole conversation over real sockets, against PGlite and PostgreSQL: delivery, idempotent retries,
// replay after a gap, racing counselors, a restart mid-conversation, and bad input.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../src/protocol/limits.ts';
import type { MessageView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('conversation on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });
  const track = suite.track;

  /** A visitor in conversation with a counselor. */
  async function aConversation() {
    const counselor = track(await aCounselor(suite.server));
    const visitor = track(await aVisitor(suite.server));
    const started = await visitor.ask('conversation:start', {});
    expect(started.ok).toBe(true);
    const taken = await counselor.ask('queue:take-next');
    expect(taken.ok).toBe(true);
    await visitor.next('conversation:state', (s: any) => s.status === 'active');
    return {
      counselor,
      visitor,
      token: started.token as string,
      conversationId: taken.conversation.id as string,
    };
  }

  it.skipIf(!available)('carries a conversation from the visitor to the counselor and back', async () => {
    const counselor = track(await aCounselor(suite.server));
    const visitor = track(await aVisitor(suite.server));

    const started = await visitor.ask('conversation:start', { locale: 'fr' });
    expect(started).toMatchObject({ ok: true, conversation: { status: 'waiting', position: 1 } });
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await counselor.next('queue:update', (q: any) => q.waiting === 1);

    const taken = await counselor.ask('queue:take-next');
    expect(taken).toMatchObject({ ok: true, conversation: { status: 'active' }, messages: [] });
    await visitor.next('conversation:state', (s: any) => s.status === 'active');

    const sent = await visitor.ask('message:send', { clientId: newClientId(), text: 'Bonjour' });
    expect(sent).toMatchObject({ ok: true, message: { seq: 1, author: 'visitor', text: 'Bonjour' } });
    const atCounselor = await counselor.next('message:new');
    expect(atCounselor).toMatchObject({
      conversationId: taken.conversation.id,
      message: { seq: 1, text: 'Bonjour' },
    });

    expect(await counselor.ask('typing', { conversationId: taken.conversation.id, typing: true })).toEqual({
      ok: true,
    });
    expect(await visitor.next('typing')).toEqual({ typing: true });
    const reply = await counselor.ask('message:send', {
      conversationId: taken.conversation.id,
      clientId: newClientId(),
      text: 'Je vous écoute',
    });
    expect(reply).toMatchObject({ ok: true, message: { seq: 2, author: 'counselor' } });
    expect(await visitor.next('message:new', (m: MessageView) => m.author === 'counselor')).toMatchObject({
      seq: 2,
      text: 'Je vous écoute',
    });

    const ended = await counselor.ask('conversation:end', { conversationId: taken.conversation.id });
    expect(ended).toMatchObject({ ok: true, conversation: { status: 'closed', closedReason: 'served' } });
    expect(await visitor.next('conversation:state', (s: any) => s.status === 'closed')).toMatchObject({
      closedReason: 'served',
    });
  });

  it.skipIf(!available)('stores a retried message once, with the same sequence number', async () => {
    const { counselor, visitor, conversationId } = await aConversation();
    const clientId = newClientId();
    const [first, second] = await Promise.all([
      visitor.ask('message:send', { clientId, text: 'une seule fois' }),
      visitor.ask('message:send', { clientId, text: 'une seule fois' }),
    ]);
    const third = await visitor.ask('message:send', { clientId, text: 'une seule fois' });
    expect(first.message.seq).toBe(1);
    expect(second.message).toEqual(first.message);
    expect(third.message).toEqual(first.message);
    const history = await counselor.ask('message:history', { conversationId, afterSeq: 0 });
    expect(history.messages).toHaveLength(1);
  });

  it.skipIf(!available)('replays exactly what a reconnecting visitor missed, in order', async () => {
    const { counselor, visitor, token, conversationId } = await aConversation();
    await visitor.ask('message:send', { clientId: newClientId(), text: 'avant la coupure' });
    visitor.close();
    for (const text of ['un', 'deux', 'trois']) {
      const ack = await counselor.ask('message:send', { conversationId, clientId: newClientId(), text });
      expect(ack.ok).toBe(true);
    }
    const back = track(await aVisitor(suite.server));
    const resumed = await back.ask('conversation:resume', { token, afterSeq: 1 });
    expect(resumed.conversation).toMatchObject({ status: 'active', lastSeq: 4 });
    expect(resumed.messages.map((m: MessageView) => [m.seq, m.text])).toEqual([
      [2, 'un'],
      [3, 'deux'],
      [4, 'trois'],
    ]);
    const sent = await back.ask('message:send', { clientId: newClientId(), text: 'je suis revenue' });
    expect(sent.message.seq).toBe(5);
  });

  it.skipIf(!available)('never gives one visitor to two counselors racing for her (50 rounds)', async () => {
    const first = track(await aCounselor(suite.server));
    const second = track(await aCounselor(suite.server));
    for (let round = 0; round < 50; round++) {
      const visitor = await aVisitor(suite.server);
      await visitor.ask('conversation:start');
      const answers = await Promise.all([first.ask('queue:take-next'), second.ask('queue:take-next')]);
      const winners = answers.filter((a) => a.ok);
      expect(winners).toHaveLength(1);
      expect(answers.find((a) => !a.ok)?.error.code).toBe('QUEUE_EMPTY');
      const winner = answers[0]?.ok ? first : second;
      await winner.ask('conversation:end', { conversationId: winners[0].conversation.id });
      visitor.close();
    }
  });

  it.skipIf(!available)('never lets a counselor hold more than her limit, even when she asks in parallel', async () => {
    const counselor = track(await aCounselor(suite.server));
    for (let i = 0; i < 4; i++) await track(await aVisitor(suite.server)).ask('conversation:start');
    const answers = await Promise.all([1, 2, 3, 4].map(() => counselor.ask('queue:take-next')));
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
    expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(['AT_CAPACITY', 'AT_CAPACITY']);
  });

  it.skipIf(!available)('gives each waiting visitor her place and an estimate from live capacity', async () => {
    const [first, second, third] = [
      track(await aVisitor(suite.server)),
      track(await aVisitor(suite.server)),
      track(await aVisitor(suite.server)),
    ];
    for (const visitor of [first, second, third]) await visitor.ask('conversation:start');
    const thirdPlace = await third.next('conversation:state', (s: any) => s.position === 3);
    expect(thirdPlace.estimatedWaitMinutes).toBeNull();
    expect(await first.next('conversation:state', (s: any) => s.position === 1)).toMatchObject({ status: 'waiting' });
    const counselor = track(await aCounselor(suite.server));
    const withCapacity = await third.next(
      'conversation:state',
      (s: any) => s.position === 3 && s.estimatedWaitMinutes !== null,
    );
    // Two free slots take the first two; the third waits for one of two slots to free: 30 min / 2.
    expect(withCapacity.estimatedWaitMinutes).toBe(15);
    await counselor.ask('queue:take-next');
    expect(await second.next('conversation:state', (s: any) => s.position === 1)).toMatchObject({
      status: 'waiting',
    });
  });

  it.skipIf(!available)('carries on after the server restarts mid-conversation', async () => {
    const { counselor, visitor, token, conversationId } = await aConversation();
    await visitor.ask('message:send', { clientId: newClientId(), text: 'avant le redémarrage' });
    await counselor.next('message:new');
    const counselorBack = new Promise((resolve) => counselor.socket.io.once('reconnect', resolve));
    const visitorBack = new Promise((resolve) => visitor.socket.io.once('reconnect', resolve));

    await suite.server.restart();
    await Promise.all([counselorBack, visitorBack]);

    const state = await counselor.next('staff:state');
    expect(state.conversations.map((c: any) => c.id)).toContain(conversationId);
    const resumed = await visitor.ask('conversation:resume', { token, afterSeq: 1 });
    expect(resumed).toMatchObject({ ok: true, conversation: { status: 'active' }, messages: [] });
    const reply = await counselor.ask('message:send', {
      conversationId,
      clientId: newClientId(),
      text: 'toujours là',
    });
    expect(reply.message.seq).toBe(2);
    expect(await visitor.next('message:new', (m: MessageView) => m.seq === 2)).toMatchObject({
      text: 'toujours là',
    });
  });

  describe('bad input', () => {
    it.skipIf(!available)('refuses invalid payloads with a stable code and changes nothing', async () => {
      const { visitor, counselor, conversationId } = await aConversation();
      expect((await visitor.ask('message:send', { clientId: 'not-a-uuid', text: 'x' })).error.code).toBe(
        'INVALID_PAYLOAD',
      );
      expect((await visitor.ask('message:send', 'just a string')).error.code).toBe('INVALID_PAYLOAD');
      const tooLong = await visitor.ask('message:send', {
        clientId: newClientId(),
        text: 'a'.repeat(MAX_MESSAGE_LENGTH + 1),
      });
      expect(tooLong.error.code).toBe('MESSAGE_TOO_LONG');
      expect((await visitor.ask('message:send', { clientId: newClientId(), text: '   ' })).error.code).toBe(
        'INVALID_PAYLOAD',
      );
      visitor.socket.emit('no:such:event', { anything: true });
      const history = await counselor.ask('message:history', { conversationId, afterSeq: 0 });
      expect(history.messages).toEqual([]);
    });

    it.skipIf(!available)('refuses a message before the visitor has a conversation', async () => {
      const visitor = track(await aVisitor(suite.server));
      expect((await visitor.ask('message:send', { clientId: newClientId(), text: 'allô' })).error.code).toBe(
        'CONVERSATION_NOT_STARTED',
      );
      expect((await visitor.ask('conversation:resume', { token: 'x'.repeat(43), afterSeq: 0 })).error.code).toBe(
        'NOT_FOUND',
      );
    });

    it.skipIf(!available)("refuses a counselor writing into another counselor's or a closed conversation", async () => {
      const { counselor, visitor, conversationId } = await aConversation();
      const other = track(await aCounselor(suite.server));
      const intruding = await other.ask('message:send', {
        conversationId,
        clientId: newClientId(),
        text: 'intrus',
      });
      expect(intruding.error.code).toBe('NOT_ASSIGNED');
      expect((await other.ask('message:history', { conversationId, afterSeq: 0 })).error.code).toBe('NOT_ASSIGNED');

      // Knowing a message's client id gives no one else its text: a "retry" is checked like a new message.
      const secret = await visitor.ask('message:send', { clientId: newClientId(), text: 'mon adresse' });
      const replay = { conversationId, clientId: secret.message.clientId, text: 'x' };
      expect(await other.ask('message:send', replay)).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED' } });
      const reply = await counselor.ask('message:send', { conversationId, clientId: newClientId(), text: 'pour vous' });
      const mixUp = await visitor.ask('message:send', { clientId: reply.message.clientId, text: 'x' });
      expect(mixUp).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

      await visitor.ask('conversation:end');
      const late = await counselor.ask('message:send', {
        conversationId,
        clientId: newClientId(),
        text: 'trop tard',
      });
      expect(late.error.code).toBe('CONVERSATION_CLOSED');
      expect((await visitor.ask('message:send', { clientId: newClientId(), text: 'moi aussi' })).error.code).toBe(
        'CONVERSATION_CLOSED',
      );
    });

    it.skipIf(!available)('drops a socket that sends a frame over the size limit', async () => {
      const visitor = track(await aVisitor(suite.server));
      const dropped = new Promise<string>((resolve) => visitor.socket.once('disconnect', resolve));
      visitor.socket.emit('message:send', { clientId: newClientId(), text: 'a'.repeat(20_000) });
      expect(await dropped).toMatch(/transport close|transport error/);
    });

    it.skipIf(!available)('refuses a staff socket without a valid session, and keeps running', async () => {
      const { io } = await import('socket.io-client');
      // A forged cookie, and one whose escape is malformed (decoding it throws).
      for (const cookie of ['havre_staff=forged.value', 'havre_staff=%E0%A4%A']) {
        const socket = io(`${suite.server.url}/staff`, {
          transports: ['websocket'],
          forceNew: true,
          extraHeaders: { cookie },
        });
        const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
        socket.close();
        expect(error.message).toBe('UNAUTHENTICATED');
      }
      expect((await fetch(`${suite.server.url}/healthz`)).status).toBe(200);
    });

    it.skipIf(!available)('refuses to open a conversation outside opening hours', async () => {
      suite.server.clock.advance(24 * 3600_000); // Thursday: closed
      try {
        const visitor = track(await aVisitor(suite.server));
        expect((await visitor.ask('conversation:start')).error.code).toBe('QUEUE_CLOSED');
      } finally {
        suite.server.clock.advance(-24 * 3600_000);
      }
    });
  });
});
