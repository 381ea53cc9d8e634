// The benchmark's socket.io clients: each a separate person that never reconnects, all kept track of so that
// they can be closed; and the two ways to wait on one (an event, an acknowledgement) within ACK_TIMEOUT_MS.
import { io, type Socket } from 'socket.io-client';
import type { WorkChallengeView } from '../../src/protocol/work.ts';
import { solveWork } from '../../test/support/solve-work.ts';

/** An acknowledgement or an awaited event later than this counts as a failure. */
export const ACK_TIMEOUT_MS = 10_000;

export interface Answer {
  ok: boolean;
  error?: { code: string };
  conversation?: { id: string };
  challenge?: WorkChallengeView;
}

const openSockets = new Set<Socket>();

export function connectSocket(url: string, cookie: string | null): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    // Each client is a different person: never share one connection between them.
    forceNew: true,
    // A dropped socket is a failure to count, not something to hide by reconnecting.
    reconnection: false,
    timeout: ACK_TIMEOUT_MS,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  openSockets.add(socket);
  return socket;
}

/** Disconnects every open socket but those kept (all of them when none are). */
export function disconnectSocketsBut(kept: ReadonlySet<Socket> = new Set()): void {
  for (const socket of openSockets) {
    if (!kept.has(socket)) {
      socket.disconnect();
      openSockets.delete(socket);
    }
  }
}

export function waitFor<T>(socket: Socket, event: string, ms = ACK_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((done, fail) => {
    const timer = setTimeout(() => finish(new Error(`no ${event} within ${ms} ms`)), ms);
    const onEvent = (payload: T) => finish(null, payload);
    const onError = (error: Error) => finish(new Error(`connect_error: ${error.message}`));
    const onDisconnect = (reason: string) => finish(new Error(`disconnected: ${reason}`));
    function finish(error: Error | null, payload?: T) {
      clearTimeout(timer);
      socket.off(event, onEvent);
      socket.off('connect_error', onError);
      socket.off('disconnect', onDisconnect);
      if (error) fail(error);
      else done(payload as T);
    }
    socket.once(event, onEvent);
    socket.once('connect_error', onError);
    socket.once('disconnect', onDisconnect);
  });
}

/** Emits and awaits the acknowledgement; a refusal or no answer in time is thrown. */
export async function ask(socket: Socket, event: string, payload: unknown): Promise<Answer> {
  const answer = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Answer;
  if (!answer?.ok) throw new Error(`${event}: ${answer?.error?.code ?? 'no answer'}`);
  return answer;
}

/** Starts a conversation as the visitor page does: asks for the admission work, solves it, sends it. */
export async function startSolved(socket: Socket, payload: object = {}): Promise<Answer> {
  const { challenge } = await ask(socket, 'work:challenge', {});
  if (!challenge) throw new Error('work:challenge: no challenge');
  return ask(socket, 'conversation:start', { ...payload, work: solveWork(challenge) });
}
