// Limits at every door over real sockets and HTTP (decision 0018), with small limits so that a few clients
// reach them. Clients seem to come from other networks through X-Forwarded-For behind a trusted proxy; the
// test clock drives the buckets' refill, so no test sleeps.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
const env = { TRUST_PROXY: 'true' };
const rateLimited = { ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } };

describe('per-socket message limit', () => {
  const suite = useTestServer('pglite', { env, limits: { visitorMessages: { capacity: 3, refillPerSecond: 1 } } });

  it('refuses a flood with the wait, stores none of it, and takes the retries once the wait is over', async () => {
    const visitor = suite.track(await aVisitor(suite.server, from('10.0.0.1')));
    expect((await visitor.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
    const sent = Array.from({ length: 6 }, (_, i) => ({ clientId: newClientId(), text: `message ${i}` }));
    const answers = await Promise.all(sent.map((message) => visitor.ask('message:send', message)));
    const refused = sent.filter((_, i) => !answers[i].ok);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const answer of answers.filter((a) => !a.ok)) expect(answer).toMatchObject(rateLimited);

    const before = await visitor.ask('message:history', { afterSeq: 0 });
    expect(before.messages.map((m: { text: string }) => m.text).sort()).toEqual(
      sent.filter((_, i) => answers[i].ok).map((m) => m.text),
    );

    // Each retry waits what it was told; the bucket refills with the clock (bounded: one try per refused one).
    for (const message of refused) {
      const wait = answers[sent.indexOf(message)].error.retryAfterSeconds;
      suite.server.clock.advance(wait * 1000);
      expect(await visitor.ask('message:send', message)).toMatchObject({ ok: true });
    }
    const after = await visitor.ask('message:history', { afterSeq: 0 });
    const texts = after.messages.map((m: { text: string }) => m.text);
    expect(texts.sort()).toEqual(sent.map((m) => m.text).sort());
    expect(new Set(texts).size).toBe(sent.length);
    const snapshot = await suite.server.havre.refusals.snapshot();
    expect(snapshot.at(-1)?.doors.visitorMessages).toBe(3);
  });
});

describe('conversations per network', () => {
  const suite = useTestServer('pglite', {
    env,
    limits: { starts: { capacity: 2, refillPerSecond: 1 / 120 }, waiting: 100 },
  });

  it('holds new conversations of one network, not of another', async () => {
    const start = async (address: string) => {
      const visitor = suite.track(await aVisitor(suite.server, from(address)));
      return visitor.ask('conversation:start', { tab: randomUUID() });
    };
    expect((await start('10.0.0.2')).ok).toBe(true);
    expect((await start('10.0.0.2')).ok).toBe(true);
    const refused = await start('10.0.0.2');
    expect(refused).toMatchObject(rateLimited);
    expect(refused.error.retryAfterSeconds).toBeGreaterThan(60);
    expect((await start('10.0.0.3')).ok).toBe(true);
    const snapshot = await suite.server.havre.refusals.snapshot();
    expect(snapshot.at(-1)).toMatchObject({ starts: { rate_limited: 1 }, doors: { starts: 1 } });
  });
});

describe('waiting conversations per network', () => {
  const suite = useTestServer('pglite', { env, limits: { waiting: 2 } });

  it('lets a network wait twice at once; a place freed by a counselor lets the next one in', async () => {
    const start = async (address: string) => {
      const visitor = suite.track(await aVisitor(suite.server, from(address)));
      return visitor.ask('conversation:start', { tab: randomUUID() });
    };
    expect((await start('10.0.0.4')).ok).toBe(true);
    expect((await start('10.0.0.4')).ok).toBe(true);
    expect(await start('10.0.0.4')).toMatchObject(rateLimited);
    expect((await start('10.0.0.5')).ok).toBe(true);

    const counselor = suite.track(await aCounselor(suite.server));
    expect((await counselor.ask('queue:take-next')).ok).toBe(true);
    expect((await start('10.0.0.4')).ok).toBe(true);
  });
});

describe('handshakes per network', () => {
  const suite = useTestServer('pglite', { env, limits: { handshakes: { capacity: 2, refillPerSecond: 1 / 600 } } });

  it('refuses a network past its handshakes before any socket is made, not another network', async () => {
    suite.track(await aVisitor(suite.server, from('10.0.0.6')));
    suite.track(await aVisitor(suite.server, from('10.0.0.6')));
    const socket = io(`${suite.server.url}${namespaces.visitor}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: from('10.0.0.6').headers,
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
    expect((await suite.track(await aVisitor(suite.server, from('10.0.0.7')))).socket.connected).toBe(true);
  });
});

describe('HTTP per network', () => {
  const suite = useTestServer('pglite', { env, limits: { status: { capacity: 2, refillPerSecond: 1 / 600 } } });

  it('answers 429 with Retry-After past the bucket, and serves another network', async () => {
    const status = (address: string) => fetch(`${suite.server.url}/api/status`, { headers: from(address).headers });
    expect((await status('10.0.0.8')).status).toBe(200);
    expect((await status('10.0.0.8')).status).toBe(200);
    const refused = await status('10.0.0.8');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject(rateLimited);
    expect((await status('10.0.0.9')).status).toBe(200);
  });
});
