// The workspace's staff socket, for the components that add their own acknowledged events (blocking a troll).
import { createContext } from 'preact';
import type { Socket } from 'socket.io-client';
import type { Ack } from '../../src/protocol/views.ts';

export const StaffSocketContext = createContext<Socket | null>(null);

const ACK_TIMEOUT_MS = 10_000;

/** One acknowledged request; never buffered while offline (a block replayed later would surprise her). */
export async function ask<T>(socket: Socket | null, event: string, payload: unknown): Promise<Ack<T>> {
  if (!socket?.connected) return { ok: false, error: { code: 'NETWORK', message: 'disconnected' } };
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return { ok: false, error: { code: 'TIMEOUT', message: 'no acknowledgement' } };
  }
}
