// Slow and greedy clients (decision 0020): connections that send their headers or body byte by byte, or
// nothing at all, or that open engine.io and never join a namespace, are cut by the server; past the
// connection ceiling new sockets are dropped and the last seats go to staff. Genuine people pass meanwhile.
// The limits are shortened here so that the test takes seconds; the production ones are checked as numbers.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import { loadConfig } from '../src/server/config.ts';
import { DEFAULT_SERVER_TIMEOUTS } from '../src/server/http/server-timeouts.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';

const SHORT = { headersMs: 1000, requestMs: 2000, keepAliveMs: 1000, checkEveryMs: 200, socketConnectMs: 1000 };
/** How many slow connections each case opens at once. */
const N = 30;
/** A byte every this often: far slower than any genuine client, fast enough never to look idle. */
const DRIP_MS = 100;

interface Slow {
  socket: Socket;
  /** Resolves with the milliseconds from opening until the server closed the connection. */
  closedAfter: Promise<number>;
}

/**
 * A raw TCP connection that writes `head` then drips `drip` one byte at a time until the server closes it
 * (with an empty `drip`, it writes nothing more).
 */
function slowClient(port: number, head: string, drip: string): Slow {
  const socket = connect(port, '127.0.0.1');
  const opened = Date.now();
  let timer: NodeJS.Timeout | undefined;
  socket.on('error', () => {});
  // The server's answer (a 408) is read and dropped: unread, it would hold back the 'close' event.
  socket.resume();
  socket.once('connect', () => {
    if (head) socket.write(head);
    if (!drip) return;
    let i = 0;
    timer = setInterval(() => {
      if (!socket.destroyed) socket.write(drip[i++ % drip.length] ?? 'a');
    }, DRIP_MS);
  });
  const closedAfter = new Promise<number>((done) =>
    socket.once('close', () => {
      clearInterval(timer);
      done(Date.now() - opened);
    }),
  );
  return { socket, closedAfter };
}

const portOf = (url: string) => Number(new URL(url).port);

/** Waits until every connection is closed, but no longer than `ms`: those still open then count as a failure. */
async function allClosedWithin(clients: Slow[], ms: number): Promise<number[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`connections still open after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.all(clients.map((client) => client.closedAfter)), late]);
  } finally {
    clearTimeout(timer);
    for (const client of clients) client.socket.destroy();
  }
}

describe('production limits', () => {
  it('are the ones decision 0020 gives', () => {
    expect(DEFAULT_SERVER_TIMEOUTS).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      keepAliveMs: 10_000,
      checkEveryMs: 1_000,
      socketConnectMs: 10_000,
      pingIntervalMs: 25_000,
      pingTimeoutMs: 20_000,
      upgradeMs: 10_000,
    });
    expect(loadConfig({}).maxConnections).toBe(5000);
    expect(() => loadConfig({ MAX_CONNECTIONS: '5' })).toThrow(/MAX_CONNECTIONS/);
  });
});

describe('slow clients', () => {
  const suite = useTestServer('pglite', { serverTimeouts: SHORT });

  it('reach Node and Socket.IO as set', () => {
    const { app, io: socketServer } = suite.server.havre;
    expect(app.server).toMatchObject({ headersTimeout: 1000, requestTimeout: 2000, keepAliveTimeout: 1000 });
    expect(socketServer.engine.opts).toMatchObject({
      pingInterval: 25_000,
      pingTimeout: 20_000,
      upgradeTimeout: 10_000,
      perMessageDeflate: false,
    });
    expect(socketServer.connectTimeout()).toBe(1000);
  });

  it('are cut when they send headers, or a body, byte by byte, or nothing; genuine people pass meanwhile', async () => {
    const port = portOf(suite.server.url);
    const headers = Array.from({ length: N }, () =>
      slowClient(port, 'GET /api/status HTTP/1.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'),
    );
    const bodies = Array.from({ length: N }, () =>
      slowClient(
        port,
        'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{',
        ' ',
      ),
    );
    const silent = Array.from({ length: N }, () => slowClient(port, '', ''));

    // Meanwhile a visitor starts a conversation and the status answers.
    const visitor = suite.track(await aVisitor(suite.server));
    const started = await visitor.ask('conversation:start', {});
    expect(started.ok).toBe(true);
    expect((await fetch(`${suite.server.url}/api/status`)).ok).toBe(true);

    const bound = SHORT.requestMs + SHORT.checkEveryMs + 2000;
    const [headerTimes, bodyTimes, silentTimes] = await Promise.all([
      allClosedWithin(headers, bound),
      allClosedWithin(bodies, bound),
      allClosedWithin(silent, bound),
    ]);
    // Cut by the limits, not by chance: none before its limit.
    expect(Math.min(...headerTimes)).toBeGreaterThanOrEqual(SHORT.headersMs - 50);
    expect(Math.max(...headerTimes)).toBeLessThan(SHORT.requestMs);
    expect(Math.min(...bodyTimes)).toBeGreaterThanOrEqual(SHORT.requestMs - 50);
    expect(Math.max(...silentTimes)).toBeLessThan(SHORT.requestMs);
    expect(visitor.socket.connected).toBe(true);
  });

  it('closes a WebSocket that opens engine.io but never joins a namespace', async () => {
    const url = `${suite.server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const socket = new WebSocket(url);
    // engine.io's open packet: the handshake is done; the client now stays silent.
    const [open] = await once(socket, 'message');
    expect(String((open as MessageEvent).data)).toMatch(/^0\{/);
    const opened = Date.now();
    const closed = once(socket, 'close').then(() => Date.now() - opened);
    const late = new Promise<number>((done) => setTimeout(() => done(Number.POSITIVE_INFINITY), 5000));
    const after = await Promise.race([closed, late]);
    socket.close();
    expect(after).toBeGreaterThanOrEqual(SHORT.socketConnectMs - 100);
    expect(after).toBeLessThan(SHORT.socketConnectMs + 2000);
  });
});

/** GET /api/status on a connection of its own; resolves with everything the server sent once it closed. */
function statusOverRawHttp(port: number): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write('GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  return new Promise((done, fail) => {
    socket.once('error', fail);
    socket.once('close', () => done(Buffer.concat(chunks).toString('latin1')));
  });
}

describe('connection ceiling', () => {
  // 20 connections at most: the last 2 for staff.
  const suite = useTestServer('pglite', { env: { MAX_CONNECTIONS: '20' } });

  /** Opens idle raw connections and waits until the server has accepted every one. */
  async function holdSeats(count: number): Promise<Socket[]> {
    const guard = suite.server.havre.connections;
    const before = guard.open();
    const accepted = new Promise<void>((done) => {
      const onConnection = () => {
        if (guard.open() >= before + count) {
          suite.server.havre.app.server.off('connection', onConnection);
          done();
        }
      };
      suite.server.havre.app.server.on('connection', onConnection);
    });
    const sockets = Array.from({ length: count }, () => connect(portOf(suite.server.url), '127.0.0.1'));
    for (const socket of sockets) socket.on('error', () => {}).resume();
    await accepted;
    return sockets;
  }

  it('drops connections past the ceiling as soon as they are accepted', async () => {
    const held = await holdSeats(20);
    try {
      const serverDropped = once(suite.server.havre.app.server, 'drop');
      const extra = connect(portOf(suite.server.url), '127.0.0.1');
      extra.on('error', () => {}).resume();
      await Promise.all([serverDropped, once(extra, 'close')]);
      expect(suite.server.havre.connections.open()).toBe(20);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });

  it('keeps the last seats for staff', async () => {
    const held = await holdSeats(18);
    try {
      // The 19th seat is past what visitors may take: a visitor's socket is refused, staff's is not.
      const refused = io(`${suite.server.url}${namespaces.visitor}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      await new Promise<void>((done, fail) => {
        refused.once('connect', () => fail(new Error('a visitor took a staff seat')));
        refused.once('connect_error', () => done());
      });
      refused.close();
      const counselor = suite.track(await aCounselor(suite.server, { available: false }));
      expect(counselor.socket.connected).toBe(true);
      // The page and the API still answer, without keeping the connection.
      const status = await statusOverRawHttp(portOf(suite.server.url));
      expect(status).toMatch(/^HTTP\/1\.1 200/);
      expect(status.toLowerCase()).toContain('connection: close');
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
