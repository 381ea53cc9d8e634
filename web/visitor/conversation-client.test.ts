import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageView, VisitorConversationView } from '../../src/protocol/views.ts';
import {
  type ConversationClient,
  createConversationClient,
  PENDING_KEY,
  TAB_KEY,
  TOKEN_KEY,
  type VisitorSocket,
} from './conversation-client.ts';

type AckCallback = (err: Error | null, response: unknown) => void;
interface Emitted {
  event: string;
  payload: unknown;
  ack: AckCallback;
}

/** Behaves like a socket.io-client Socket as far as the client can tell, and lets the test play the server. */
const aChallenge = { algorithm: 'SHA-256', salt: 's', target: 't', maxNumber: 10, signature: 'sig' };
/** Lets the start's challenge and solution go through (they answer on microtasks). */
const flush = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

class FakeSocket implements VisitorSocket {
  connected = false;
  emitted: Emitted[] = [];
  disconnectedByClient = false;
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, payload: unknown, ack: () => void): this {
    this.emitted.push({ event, payload, ack: () => ack() });
    return this;
  }
  timeout(_ms: number) {
    return {
      emit: (event: string, payload: unknown, ack: AckCallback) => {
        // The admission work is handed out at once; the solver of these tests answers it at once too.
        if (event === 'work:challenge') return ack(null, { ok: true, challenge: aChallenge });
        this.emitted.push({ event, payload, ack });
      },
    };
  }
  connect(): this {
    this.serverAccepts();
    return this;
  }
  disconnect(): this {
    this.disconnectedByClient = true;
    this.drop('io client disconnect');
    return this;
  }

  // ---- the test's side ----
  serverAccepts(): void {
    this.connected = true;
    this.fire('connect');
  }
  /** Like socket.io-client: `disconnect` first, then every ack still waiting fails. */
  drop(reason = 'transport close'): void {
    if (!this.connected) return;
    this.connected = false;
    const waiting = this.emitted;
    this.emitted = [];
    this.fire('disconnect', reason);
    for (const sent of waiting) sent.ack(new Error('socket has been disconnected'), undefined);
  }
  push(event: string, payload: unknown): void {
    this.fire(event, payload);
  }
  /** The oldest emit of this event not answered yet. */
  take(event: string): Emitted {
    const index = this.emitted.findIndex((sent) => sent.event === event);
    const sent = this.emitted[index];
    if (!sent) throw new Error(`nothing emitted as ${event}; emitted: ${this.emitted.map((e) => e.event)}`);
    this.emitted.splice(index, 1);
    return sent;
  }
  count(event: string): number {
    return this.emitted.filter((sent) => sent.event === event).length;
  }
  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const TOKEN = 'a'.repeat(43);

const aConversation = (overrides: Partial<VisitorConversationView> = {}): VisitorConversationView => ({
  status: 'waiting',
  closedReason: null,
  counselorAway: false,
  handedBack: false,
  position: 2,
  estimatedWaitMinutes: 6,
  waitExceedsClosing: false,
  servingUntil: null,
  urgent: false,
  lastSeq: 0,
  counselorReadSeq: 0,
  ...overrides,
});

const aMessage = (seq: number, overrides: Partial<MessageView> = {}): MessageView => ({
  seq,
  clientId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  author: 'counselor',
  text: `message ${seq}`,
  sentAt: '2026-11-30T13:00:00.000Z',
  ...overrides,
});

function setUp(token?: string) {
  const sockets: FakeSocket[] = [];
  const storage = new MemoryStorage();
  if (token) storage.setItem(TOKEN_KEY, token);
  let ids = 0;
  const client = createConversationClient({
    connect: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    storage,
    newClientId: () => `client-${++ids}`,
    // The work is solved at once: these tests are about the protocol around it.
    solveWork: (challenge) => ({
      solution: Promise.resolve({ salt: challenge.salt, number: 0, signature: challenge.signature }),
      stop: () => {},
    }),
  });
  const socket = () => {
    const last = sockets.at(-1);
    if (!last) throw new Error('no socket opened');
    return last;
  };
  return { client, storage, socket, sockets };
}

/** A client in an active conversation on a live socket. */
function inConversation(): ReturnType<typeof setUp> {
  const setup = setUp(TOKEN);
  setup.client.resumeIfAny();
  setup.socket().serverAccepts();
  setup
    .socket()
    .take('conversation:resume')
    .ack(null, {
      ok: true,
      conversation: aConversation({ status: 'active', position: null }),
      messages: [aMessage(1)],
    });
  return setup;
}

const visitorTexts = (client: ConversationClient) =>
  client
    .snapshot()
    .log.filter((m) => m.author === 'visitor')
    .map((m) => [m.text, m.state]);

describe('conversation client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts a conversation and keeps the token in sessionStorage', async () => {
    const { client, storage, socket } = setUp();
    client.start('en');
    await flush();
    expect(client.snapshot().phase).toBe('starting');
    socket().serverAccepts();
    const start = socket().take('conversation:start');
    expect(start.payload).toEqual({
      locale: 'en',
      tab: storage.getItem(TAB_KEY),
      work: { salt: 's', number: 0, signature: 'sig' },
    });
    start.ack(null, { ok: true, token: TOKEN, conversation: aConversation() });
    await flush();
    expect(storage.getItem(TOKEN_KEY)).toBe(TOKEN);
    expect(client.snapshot()).toMatchObject({
      phase: 'open',
      conversation: { status: 'waiting', position: 2 },
    });
  });

  it('goes back home with a reason when the queue is closed', async () => {
    const { client, storage, socket } = setUp();
    client.start('fr');
    await flush();
    socket().serverAccepts();
    socket()
      .take('conversation:start')
      .ack(null, { ok: false, error: { code: 'QUEUE_CLOSED', message: 'closed' } });
    await flush();
    expect(client.snapshot()).toMatchObject({ phase: 'idle', problem: 'queue-closed' });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(socket().disconnectedByClient).toBe(true);
  });

  it('sends the intake answers with the start, and no intake at all when she answered nothing', async () => {
    const first = setUp();
    first.client.start('fr', { danger: 'yes' });
    await flush();
    expect(first.socket().take('conversation:start').payload).toEqual({
      locale: 'fr',
      intake: { danger: 'yes' },
      tab: expect.any(String),
      work: expect.any(Object),
    });
    const second = setUp();
    second.client.start('fr', {});
    await flush();
    expect(second.socket().take('conversation:start').payload).toEqual({
      locale: 'fr',
      tab: expect.any(String),
      work: expect.any(Object),
    });
  });

  it('sends the same tab id on every start from this tab, kept in sessionStorage', async () => {
    const { client, storage, socket } = setUp();
    client.start('fr');
    await flush();
    socket()
      .take('conversation:start')
      .ack(null, { ok: false, error: { code: 'INTAKE_PAUSED', message: 'paused' } });
    await flush();
    const tab = storage.getItem(TAB_KEY);
    expect(tab).toEqual(expect.any(String));
    client.reset();
    client.start('fr');
    await flush();
    expect(socket().take('conversation:start').payload).toMatchObject({ tab });
  });

  it('goes back home with the reason when intake is paused or the queue is full, and can start afresh', async () => {
    for (const [code, problem] of [
      ['INTAKE_PAUSED', 'intake-paused'],
      ['QUEUE_FULL', 'queue-full'],
      ['RATE_LIMITED', 'rate-limited'],
      ['UNAVAILABLE', 'unavailable'],
      ['constructor', 'unreachable'],
    ] as const) {
      const { client, socket } = setUp();
      client.start('fr');
      await flush();
      socket()
        .take('conversation:start')
        .ack(null, { ok: false, error: { code, message: code } });
      await flush();
      expect(client.snapshot()).toMatchObject({ phase: 'idle', problem });
      client.reset();
      expect(client.snapshot().problem).toBeNull();
    }
  });

  it('says the server is unreachable when the start is not acknowledged', async () => {
    const { client, socket } = setUp();
    client.start('fr');
    await flush();
    socket().take('conversation:start').ack(new Error('operation has timed out'), undefined);
    await flush();
    expect(client.snapshot()).toMatchObject({ phase: 'idle', problem: 'unreachable' });
  });

  it('resumes the conversation of the tab on page load', () => {
    const { client, socket } = setUp(TOKEN);
    client.resumeIfAny();
    expect(client.snapshot().phase).toBe('resuming');
    socket().serverAccepts();
    const resume = socket().take('conversation:resume');
    expect(resume.payload).toEqual({ token: TOKEN, afterSeq: 0 });
    resume.ack(null, {
      ok: true,
      conversation: aConversation({ status: 'active' }),
      messages: [aMessage(1)],
    });
    expect(client.snapshot()).toMatchObject({ phase: 'open', conversation: { status: 'active' } });
    expect(client.snapshot().log.map((m) => m.seq)).toEqual([1]);
  });

  it('forgets an unknown token and shows the home screen', () => {
    const { client, storage, socket } = setUp(TOKEN);
    client.resumeIfAny();
    socket().serverAccepts();
    socket()
      .take('conversation:resume')
      .ack(null, { ok: false, error: { code: 'NOT_FOUND', message: 'unknown' } });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(client.snapshot()).toMatchObject({ phase: 'idle', problem: 'expired' });
  });

  it('shows her message at once as pending, then as sent with the server copy', () => {
    const { client, socket } = inConversation();
    expect(client.send('  bonjour  ')).toBe(true);
    expect(visitorTexts(client)).toEqual([['bonjour', 'pending']]);
    const send = socket().take('message:send');
    expect(send.payload).toEqual({ clientId: 'client-1', text: 'bonjour' });
    send.ack(null, {
      ok: true,
      message: aMessage(2, { clientId: 'client-1', author: 'visitor', text: 'bonjour' }),
    });
    expect(visitorTexts(client)).toEqual([['bonjour', 'sent']]);
    expect(client.snapshot().log.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('refuses empty and over-long messages', () => {
    const { client } = inConversation();
    expect(client.send('   ')).toBe(false);
    expect(client.send('x'.repeat(4001))).toBe(false);
    expect(client.send('x'.repeat(4000))).toBe(true);
  });

  it('sends her messages one at a time, in the order she wrote them', () => {
    const { client, socket } = inConversation();
    client.send('un');
    client.send('deux');
    expect(socket().count('message:send')).toBe(1);
    socket()
      .take('message:send')
      .ack(null, { ok: true, message: aMessage(2, { clientId: 'client-1', author: 'visitor', text: 'un' }) });
    expect(socket().take('message:send').payload).toEqual({ clientId: 'client-2', text: 'deux' });
  });

  it('sends again with the same client id when the acknowledgement times out', () => {
    const { client, socket } = inConversation();
    client.send('allô ?');
    socket().take('message:send').ack(new Error('operation has timed out'), undefined);
    expect(socket().take('message:send').payload).toEqual({ clientId: 'client-1', text: 'allô ?' });
  });

  it('after a reconnect, resumes from the last seq, then sends pending messages again with their ids', () => {
    const { client, socket } = inConversation();
    client.send('premier');
    socket().drop();
    expect(client.snapshot().connected).toBe(false);
    client.send('écrit hors ligne');
    expect(socket().count('message:send')).toBe(0);

    socket().serverAccepts();
    expect(socket().count('message:send')).toBe(0); // not before the conversation is resumed
    const resume = socket().take('conversation:resume');
    expect(resume.payload).toEqual({ token: TOKEN, afterSeq: 1 });
    // The first message had reached the server before the drop; it comes back in the replay.
    const replayed = aMessage(2, { clientId: 'client-1', author: 'visitor', text: 'premier' });
    resume.ack(null, {
      ok: true,
      conversation: aConversation({ status: 'active' }),
      messages: [replayed, aMessage(3)],
    });
    expect(client.snapshot().log.map((m) => [m.seq, m.state])).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'sent'],
      [null, 'pending'],
    ]);
    expect(socket().take('message:send').payload).toEqual({ clientId: 'client-2', text: 'écrit hors ligne' });
    expect(client.snapshot().connected).toBe(true);
  });

  it('keeps a message still on its way across a reload, sends it again after the resume, then forgets it', () => {
    const before = inConversation();
    before.client.send('envoyé juste avant de recharger');
    before.socket().drop();
    expect(before.storage.getItem(PENDING_KEY)).toContain('envoyé juste avant de recharger');

    // The reload: a new page, on the same tab's storage.
    const { storage } = before;
    const socket = new FakeSocket();
    const reloaded = createConversationClient({
      connect: () => socket,
      storage,
      newClientId: () => 'fresh',
      solveWork: () => ({ solution: new Promise(() => {}), stop: () => {} }),
    });
    reloaded.resumeIfAny();
    expect(visitorTexts(reloaded)).toEqual([['envoyé juste avant de recharger', 'pending']]);
    socket.serverAccepts();
    socket
      .take('conversation:resume')
      .ack(null, { ok: true, conversation: aConversation({ status: 'active' }), messages: [aMessage(1)] });
    const sent = socket.take('message:send');
    expect(sent.payload).toEqual({ clientId: 'client-1', text: 'envoyé juste avant de recharger' });
    sent.ack(null, {
      ok: true,
      message: aMessage(2, { clientId: 'client-1', author: 'visitor', text: 'envoyé juste avant de recharger' }),
    });
    expect(visitorTexts(reloaded)).toEqual([['envoyé juste avant de recharger', 'sent']]);
    expect(storage.getItem(PENDING_KEY)).toBeNull();
  });

  it('shows each incoming message once, even when replayed', () => {
    const { client, socket } = inConversation();
    socket().push('message:new', aMessage(2));
    socket().push('message:new', aMessage(2));
    expect(client.snapshot().log.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('marks a refused message as failed and sends it again on retry', () => {
    const { client, socket } = inConversation();
    client.send('texte');
    socket()
      .take('message:send')
      .ack(null, { ok: false, error: { code: 'INTERNAL', message: 'oops' } });
    expect(client.snapshot().failed.has('client-1')).toBe(true);
    client.retry('client-1');
    expect(client.snapshot().failed.size).toBe(0);
    expect(socket().take('message:send').payload).toEqual({ clientId: 'client-1', text: 'texte' });
  });

  it.each(['RATE_LIMITED', 'UNAVAILABLE'])(
    'keeps a message refused with %s on its way, and sends it again once the wait is over',
    (code) => {
      const { client, socket } = inConversation();
      client.send('vite');
      client.send('encore');
      socket()
        .take('message:send')
        .ack(null, { ok: false, error: { code, message: 'wait', retryAfterSeconds: 2 } });
      expect(client.snapshot().failed.size).toBe(0);
      expect(client.snapshot().log.at(-2)?.state).toBe('pending');
      vi.advanceTimersByTime(1_900);
      expect(socket().count('message:send')).toBe(0);
      vi.advanceTimersByTime(200);
      expect(socket().take('message:send').payload).toEqual({ clientId: 'client-1', text: 'vite' });
    },
  );

  it('shows the counselor typing until her message arrives, or at most a while', () => {
    const { client, socket } = inConversation();
    socket().push('typing', { typing: true });
    expect(client.snapshot().counselorTyping).toBe(true);
    socket().push('message:new', aMessage(2));
    expect(client.snapshot().counselorTyping).toBe(false);
    socket().push('typing', { typing: true });
    vi.advanceTimersByTime(15_000);
    expect(client.snapshot().counselorTyping).toBe(false);
  });

  it('tells the server she is typing, and that she stopped when she sends', () => {
    const { client, socket } = inConversation();
    client.noteTyping();
    expect(socket().take('typing').payload).toEqual({ typing: true });
    client.send('ok');
    expect(socket().take('typing').payload).toEqual({ typing: false });
  });

  it('follows the queue live', async () => {
    const { client, socket } = setUp();
    client.start('fr');
    await flush();
    socket().serverAccepts();
    socket().take('conversation:start').ack(null, { ok: true, token: TOKEN, conversation: aConversation() });
    await flush();
    socket().push('conversation:state', aConversation({ position: 1, estimatedWaitMinutes: null }));
    expect(client.snapshot().conversation).toMatchObject({ position: 1, estimatedWaitMinutes: null });
  });

  it('when the counselor closes, drops the token and the messages and lets the socket go', () => {
    const { client, storage, socket } = inConversation();
    socket().push('conversation:state', aConversation({ status: 'closed', closedReason: 'served', position: null }));
    expect(client.snapshot()).toMatchObject({ phase: 'closed', log: [], endedByVisitor: null });
    expect(client.snapshot().conversation?.closedReason).toBe('served');
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(socket().disconnectedByClient).toBe(true);
    client.reset();
    expect(client.snapshot().phase).toBe('idle');
  });

  it('ends the conversation when she asks', () => {
    const { client, storage, socket } = inConversation();
    client.end();
    socket()
      .take('conversation:end')
      .ack(null, {
        ok: true,
        conversation: aConversation({ status: 'closed', closedReason: 'visitor_left' }),
      });
    expect(client.snapshot()).toMatchObject({ phase: 'closed', endedByVisitor: 'active' });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('erases the finished conversation from memory on her request', () => {
    const { client, socket } = inConversation();
    socket().push('conversation:state', aConversation({ status: 'closed', closedReason: 'served', position: null }));
    client.erase();
    expect(client.snapshot()).toMatchObject({ phase: 'closed', conversation: null, log: [], erased: true });
    client.reset();
    expect(client.snapshot()).toMatchObject({ phase: 'idle', erased: false });
  });

  it('ends at once on her side even when the connection is down', () => {
    const { client, storage, socket } = inConversation();
    socket().drop();
    client.end();
    expect(client.snapshot()).toMatchObject({ phase: 'closed', endedByVisitor: 'active' });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('forgets everything on quick exit and closes the socket once the server knows she left', async () => {
    const { client, storage, socket } = inConversation();
    const live = socket();
    const left = client.forget();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(client.snapshot()).toMatchObject({ phase: 'idle', log: [] });
    expect(live.disconnectedByClient).toBe(false);
    const end = live.take('conversation:end');
    expect(end.payload).toEqual({ reason: 'quick_exit' });
    end.ack(null, { ok: true, conversation: aConversation({ status: 'closed' }) });
    await flush();
    await left;
    expect(live.disconnectedByClient).toBe(true);
  });

  it('does not wait for the server on quick exit when it cannot be told', async () => {
    const { client, socket } = inConversation();
    socket().drop();
    await client.forget();
    expect(client.snapshot().phase).toBe('idle');
  });

  it('reconnects by itself after the server dropped the socket', () => {
    const { client, socket } = inConversation();
    socket().drop('io server disconnect');
    vi.advanceTimersByTime(3_000);
    expect(socket().connected).toBe(true);
    expect(socket().count('conversation:resume')).toBe(1);
    expect(client.snapshot().connected).toBe(true);
  });
});

describe('conversation client: read marks', () => {
  let visibility: DocumentVisibilityState = 'visible';
  const visibilityListeners: (() => void)[] = [];
  beforeEach(() => {
    visibility = 'visible';
    visibilityListeners.length = 0;
    vi.stubGlobal('document', {
      get visibilityState() {
        return visibility;
      },
      addEventListener: (_event: string, listener: () => void) => visibilityListeners.push(listener),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const reads = (socket: FakeSocket) =>
    socket.emitted.filter((sent) => sent.event === 'message:read').map((sent) => sent.payload);

  it('tells the server what her visible page shows, once, and nothing while the page is hidden', () => {
    const { socket } = inConversation();
    expect(reads(socket())).toEqual([{ seq: 1 }]);
    visibility = 'hidden';
    socket().push('message:new', aMessage(2));
    expect(reads(socket())).toEqual([{ seq: 1 }]);
    visibility = 'visible';
    for (const listener of visibilityListeners) listener();
    for (const listener of visibilityListeners) listener();
    expect(reads(socket())).toEqual([{ seq: 1 }, { seq: 2 }]);
  });

  it('keeps the counselor’s read mark from the server', () => {
    const { client, socket } = inConversation();
    expect(client.snapshot().conversation?.counselorReadSeq).toBe(0);
    socket().push('message:read', { seq: 4 });
    expect(client.snapshot().conversation?.counselorReadSeq).toBe(4);
  });
});
