// The database stumbles (issue 11, item 1): Havre talks to the real PostgreSQL through a fault-injecting
// proxy on loopback (test/support/fault-proxy.ts) that resets connections mid-query, drops every byte for a
// while, or refuses connections as a restarting server does. Havre must stay up, answer UNAVAILABLE (retry
// later) within seconds instead of hanging or saying INTERNAL, keep serving the visitor page, never sign a
// counselor out for it, lose no acknowledged message, and recover alone once the database is back.
// PGlite runs in Havre's own process: there is no connection to break.
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import { aCounselor, aVisitor, type Counselor, newClientId, type Recorded } from './support/clients.ts';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { adminUrl, storageKinds } from './support/storage.ts';

const postgres = (await storageKinds()).find(({ kind }) => kind === 'postgres');
/** Short database limits, so that the outages below last seconds, not the production minutes. */
const databaseTimeouts = { connectMs: 2_000, statementMs: 1_500, queryMs: 2_500 };
/** Anything that should answer at once answers within this, or the test fails instead of hanging. */
const PROMPT_MS = 4_000;

describe.skipIf(!postgres?.available)('PostgreSQL through a fault proxy', { timeout: 60_000 }, () => {
  let proxy: FaultProxy;
  let server: TestServer;
  const sockets: Recorded[] = [];

  beforeEach(async () => {
    proxy = await startFaultProxy(adminUrl);
    server = await startTestServer('postgres', {
      databaseUrl: (url) => proxy.through(url),
      databaseTimeouts,
      // Her retries are not a flood: the message door stays out of the way (test/limits.test.ts covers it).
      limits: { visitorMessages: { capacity: 10_000, refillPerSecond: 10_000 } },
    });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    proxy.pass();
    await server.stop();
    await proxy.close();
  });

  async function aConversation(): Promise<{ visitor: Recorded; counselor: Counselor; conversationId: string }> {
    const counselor = await aCounselor(server);
    const visitor = await aVisitor(server);
    sockets.push(counselor, visitor);
    expect((await visitor.ask('conversation:start', { locale: 'fr' })).ok).toBe(true);
    const taken = await counselor.ask('queue:take-next');
    expect(taken.ok).toBe(true);
    return { visitor, counselor, conversationId: taken.conversation.id };
  }

  /** Sends until acknowledged, as the visitor page does (same client id); records every refusal's code. */
  async function sendUntilAcked(visitor: Recorded, text: string, codes: string[], deadlineMs = 30_000) {
    const clientId = newClientId();
    const until = Date.now() + deadlineMs;
    while (Date.now() < until) {
      const ack = await visitor.ask('message:send', { clientId, text }).catch(() => null);
      if (ack?.ok) return ack.message.seq as number;
      if (ack) codes.push(ack.error.code);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`"${text}" was never acknowledged`);
  }

  async function history(counselor: Counselor, conversationId: string): Promise<string[]> {
    const answer = await counselor.ask('message:history', { conversationId, afterSeq: 0 });
    expect(answer.ok).toBe(true);
    return answer.messages.map((message: { text: string }) => message.text);
  }

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(PROMPT_MS) });

  it('survives connections reset in the middle of queries, and loses no acknowledged message', async () => {
    const { visitor, counselor, conversationId } = await aConversation();
    const codes: string[] = [];
    const acked: string[] = [];
    // Resets every 25 ms while she writes: queries are cut while they run, in and out of transactions.
    const resets = setInterval(() => proxy.reset(), 25);
    try {
      for (let i = 0; i < 30; i++) {
        const text = `message ${i}`;
        await sendUntilAcked(visitor, text, codes);
        acked.push(text);
      }
    } finally {
      clearInterval(resets);
    }
    expect(new Set(codes)).not.toContain('INTERNAL');
    expect(await history(counselor, conversationId)).toEqual(acked);
    expect((await get('/readyz')).status).toBe(200);
  });

  it('answers UNAVAILABLE within seconds while every byte is dropped, keeps the visitor page, and recovers alone', async () => {
    const { visitor, counselor, conversationId } = await aConversation();
    const codes: string[] = [];
    const settings = await server.havre.settings.current();
    await server.havre.settings.update({
      ...settings,
      visitorPage: { ...settings.visitorPage, title: 'Météo du jour' },
    });
    await sendUntilAcked(visitor, 'before', codes);
    proxy.drop();
    // Long enough for every cached read to want the database again.
    server.clock.advance(60_000);

    // Nothing on the visitor page waits on a query: the page with the admin's neutral title and its quick
    // exit, and its icon, come before any database limit could pass.
    const page = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(1_000) });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Météo du jour</title>');
    expect(html).toContain('Quitter');
    expect((await fetch(`${server.url}/favicon.svg`, { signal: AbortSignal.timeout(1_000) })).status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    // A message is refused with a code that says "retry", within the database limits, not left hanging.
    const refused = await visitor.ask('message:send', { clientId: newClientId(), text: 'during' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(refused.error.retryAfterSeconds).toBeGreaterThan(0);

    // Her session is still valid: the console is told to wait, never that the session has ended.
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: counselor.cookie } });
    expect(me.status).toBe(503);
    expect(await me.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    const refusal = await new Promise<string>((resolve) => {
      const socket = io(`${server.url}${namespaces.staff}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie: counselor.cookie },
      });
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(error.message));
      setTimeout(() => resolve('no answer'), PROMPT_MS + databaseTimeouts.queryMs).unref();
    }).finally(() => undefined);
    expect(refusal).toBe('UNAVAILABLE');

    // The path heals: everything works again without a restart, and nothing acknowledged is lost.
    proxy.pass();
    await sendUntilAcked(visitor, 'after', codes, 15_000);
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 15_000 }).toBe(200);
    expect(await history(counselor, conversationId)).toEqual(['before', 'after']);
    expect(new Set(codes)).not.toContain('INTERNAL');
  });

  it('tells every client to retry while PostgreSQL restarts, then serves them again', async () => {
    const { visitor, counselor, conversationId } = await aConversation();
    const codes: string[] = [];
    proxy.refuse();
    const newcomer = await aVisitor(server);
    sockets.push(newcomer);
    for (let i = 0; i < 5; i++) {
      const ack = await visitor.ask('message:send', { clientId: newClientId(), text: `refused ${i}` });
      expect(ack).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    }
    expect(await newcomer.ask('conversation:start', { locale: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    const status = await get('/api/status');
    expect(status.status).toBe(503);
    expect(await status.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });

    proxy.pass();
    await sendUntilAcked(visitor, 'back', codes, 15_000);
    expect((await newcomer.ask('conversation:start', { locale: 'fr' })).ok).toBe(true);
    expect(await history(counselor, conversationId)).toEqual(['back']);
    expect(new Set(codes)).not.toContain('INTERNAL');
  });
});
