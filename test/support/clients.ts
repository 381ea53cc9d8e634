// Real socket.io clients for integration tests: a visitor and a logged-in counselor, each recording every
// event it receives so that a test can wait for one that may already have arrived.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { namespaces, visitorEvents } from '../../src/protocol/events.ts';
import type { Role } from '../../src/protocol/schemas.ts';
import type { TestServer } from './server.ts';
import { solveWork } from './solve-work.ts';

const ACK_TIMEOUT_MS = 10_000;

export interface Recorded {
  socket: Socket;
  /** Sends an event and resolves with its acknowledgement. */
  ask<T = any>(event: string, payload?: unknown): Promise<T>;
  /** Resolves with the first recorded or future event of that name that matches, then forgets it. */
  next<T = any>(event: string, matches?: (payload: T) => boolean): Promise<T>;
  /** Drops the recorded events of that name, so that the next wait sees only what comes after. */
  forget(event: string): void;
  close(): void;
}

/**
 * `solvesWork`: like the visitor page, a `conversation:start` asked without `work` first asks for the admission
 * work and sends it solved; refusal tests opt out and send what they like.
 */
function record(socket: Socket, { solvesWork = false } = {}): Recorded {
  const received: { event: string; payload: unknown }[] = [];
  const waiters: { event: string; matches: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  socket.onAny((event: string, payload: unknown) => {
    const waiter = waiters.find((w) => w.event === event && w.matches(payload));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(payload);
    } else {
      received.push({ event, payload });
    }
  });
  return {
    socket,
    async ask(event, payload = {}) {
      const emit = (name: string, body: unknown) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, body);
      if (!solvesWork || event !== visitorEvents.start || (payload as { work?: unknown }).work)
        return emit(event, payload);
      const asked = await emit(visitorEvents.challenge, {});
      if (!asked.ok) return asked;
      return emit(event, { ...(payload as object), work: solveWork(asked.challenge) });
    },
    next(event, matches = () => true) {
      const index = received.findIndex((r) => r.event === event && matches(r.payload as never));
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]?.payload as never);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${event} event within ${ACK_TIMEOUT_MS} ms`)),
          ACK_TIMEOUT_MS,
        );
        waiters.push({
          event,
          matches: matches as never,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    forget(event) {
      for (let i = received.length - 1; i >= 0; i--) if (received[i]?.event === event) received.splice(i, 1);
    },
    close: () => socket.close(),
  };
}

async function connected(socket: Socket): Promise<Socket> {
  if (socket.connected) return socket;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** `headers`: e.g. an `x-forwarded-for` to seem to come from another network behind a trusted proxy. */
export async function aVisitor(
  server: TestServer,
  options: { headers?: Record<string, string>; solvesWork?: boolean } = {},
) {
  return aVisitorAt(server.url, options);
}

/** A visitor of the node at `url` (one in a process of its own: test/support/cluster.ts). */
export async function aVisitorAt(
  url: string,
  { headers, solvesWork = true }: { headers?: Record<string, string>; solvesWork?: boolean } = {},
) {
  const socket = io(`${url}${namespaces.visitor}`, {
    transports: ['websocket'],
    forceNew: true,
    ...(headers ? { extraHeaders: headers } : {}),
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const visitor: Recorded = record(socket, { solvesWork });
  await connected(socket);
  return visitor;
}

let counselorCount = 0;

export async function loginCookie(server: TestServer, username: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface Counselor extends Recorded {
  id: string;
  cookie: string;
}

export async function aCounselor(
  server: TestServer,
  { role = 'counselor' as Role, available = true } = {},
): Promise<Counselor> {
  counselorCount += 1;
  const username = `counselor-${counselorCount}-${randomUUID().slice(0, 8)}`;
  const password = 'a long enough password';
  const row = await server.havre.accounts.create({
    username,
    displayName: `Counselor ${counselorCount}`,
    password,
    role,
  });
  const cookie = await loginCookie(server, username, password);
  const socket = io(`${server.url}${namespaces.staff}`, {
    transports: ['websocket'],
    // Each client is a different person: never share one connection between them.
    forceNew: true,
    extraHeaders: { cookie },
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const counselor = { ...record(socket), id: row.id, cookie };
  await connected(socket);
  await counselor.next('staff:state');
  if (available) await counselor.ask('presence:set', { status: 'available' });
  return counselor;
}

export const newClientId = () => randomUUID();
