// The raid benchmark's sockets: each client comes from a network of its own choosing, told to Havre through
// X-Forwarded-For (Havre runs with TRUST_PROXY=1, as it would behind its reverse proxy), every socket is kept
// track of so that clean-up closes it, and asking never throws: a refusal is an answer to count.
import { io, type Socket } from 'socket.io-client';
import type { WorkChallengeView } from '../../src/protocol/work.ts';

export const ACK_TIMEOUT_MS = 10_000;

export interface RaidAnswer {
  ok: boolean;
  error?: { code: string; retryAfterSeconds?: number };
  challenge?: WorkChallengeView;
  conversation?: { id: string; status: string; position?: number | null };
  token?: string;
}

const open = new Set<Socket>();

/** A private (RFC 1918) address standing for network `n` of a kind: genuine visitors and raiders never share. */
export const networkAddress = (kind: 'genuine' | 'hostile' | 'staff', n: number) =>
  `10.${kind === 'genuine' ? 1 : kind === 'hostile' ? 66 : 200}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;

export function raidSocket(url: string, address: string, cookie?: string): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: ACK_TIMEOUT_MS,
    extraHeaders: { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) },
  });
  open.add(socket);
  socket.once('disconnect', () => open.delete(socket));
  return socket;
}

/** Resolves when connected, or with the handshake's refusal (a limit at the door, a timeout). */
export function connected(socket: Socket): Promise<string | null> {
  if (socket.connected) return Promise.resolve(null);
  return new Promise((done) => {
    socket.once('connect', () => done(null));
    socket.once('connect_error', (error: Error) => {
      open.delete(socket);
      done(error.message || 'connect_error');
    });
  });
}

export async function askRaid(socket: Socket, event: string, payload: unknown = {}): Promise<RaidAnswer> {
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as RaidAnswer;
  } catch {
    return { ok: false, error: { code: socket.connected ? 'ACK_TIMEOUT' : 'DISCONNECTED' } };
  }
}

export function closeRaidSockets(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

export const openRaidSockets = () => open.size;
