// The workspace's staff socket and the whispers it receives, for components deep in the desk (blocking a troll,
// the whispers inside a conversation). Held here rather than threaded through props or wrapped in a provider,
// so that the desk's components stay as they are; the workspace publishes its socket with one hook.
import { useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import type { Ack } from '../../src/protocol/views.ts';
import { createWhisperInbox, type WhisperInbox } from './whisper-inbox.ts';

let current: { socket: Socket; inbox: WhisperInbox } | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/** The workspace publishes its socket for as long as it is open; whispers are collected from then on. */
export function useProvideStaffSocket(socket: Socket | null): void {
  useEffect(() => {
    if (!socket) return;
    const published = { socket, inbox: createWhisperInbox(socket) };
    current = published;
    notify();
    return () => {
      published.inbox.close();
      if (current === published) current = null;
      notify();
    };
  }, [socket]);
}

/** The staff socket and its whisper inbox, re-rendering when the workspace publishes another. */
export function useStaffSocket(): { socket: Socket; inbox: WhisperInbox } | null {
  const [value, setValue] = useState(current);
  useEffect(() => {
    const update = () => setValue(current);
    listeners.add(update);
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return value;
}

const ACK_TIMEOUT_MS = 10_000;

/** One acknowledged request; never buffered while offline (a block replayed later would surprise her). */
export async function ask<T>(socket: Socket | null | undefined, event: string, payload: unknown): Promise<Ack<T>> {
  if (!socket?.connected) return { ok: false, error: { code: 'NETWORK', message: 'disconnected' } };
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return { ok: false, error: { code: 'TIMEOUT', message: 'no acknowledgement' } };
  }
}
