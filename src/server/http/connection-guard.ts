// A ceiling on open connections, so that a flood of sockets (idle, slow, or simply many) cannot exhaust file
// descriptors or memory; and, near the ceiling, the last seats kept for staff, so that counselors can still
// reach the visitors already waiting while a raid knocks. Decision 0020.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readCookie, SESSION_COOKIE, unsignSessionId } from '../services/session-cookie.ts';

/** Share of the connections that only staff may take (a Socket.IO handshake with a signed session cookie). */
export const STAFF_RESERVED_SHARE = 0.1;

interface Deps {
  server: Server;
  maxConnections: number;
  /** Signs staff session cookies: a staff handshake is told by its signature, without asking the database. */
  secret: string;
}

type Next = (error?: Error) => void;

export function guardConnections({ server, maxConnections, secret }: Deps) {
  // Past this, Node closes each new TCP connection as soon as it is accepted, before reading a byte.
  server.maxConnections = maxConnections;
  const openToVisitors = maxConnections - Math.max(1, Math.ceil(maxConnections * STAFF_RESERVED_SHARE));
  let open = 0;
  server.on('connection', (socket) => {
    open += 1;
    socket.once('close', () => {
      open -= 1;
    });
  });
  const crowded = () => open > openToVisitors;

  // Near the ceiling, HTTP requests are still answered (the page, the emergency numbers) but their connection
  // is closed after the answer instead of being kept alive: short requests do not hold a seat.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (crowded()) response.setHeader('connection', 'close');
  });

  return {
    /** Connections open now (TCP, whatever they carry: HTTP, long-polling, WebSocket). */
    open: () => open,

    /**
     * An engine.io middleware: near the ceiling, a new Socket.IO connection is refused unless it is staff's.
     * Requests of a connection already open (long-polling with its `sid`) pass.
     */
    socketHandshake(request: IncomingMessage, _response: unknown, next: Next): void {
      const admitted = !crowded() || hasSessionId(request) || hasStaffCookie(request, secret);
      next(admitted ? undefined : new Error('SERVER_BUSY'));
    },
  };
}

/** A signed session cookie, maybe expired: the staff namespace checks it fully; this only spares its seat. */
function hasStaffCookie(request: IncomingMessage, secret: string): boolean {
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  return cookie !== null && unsignSessionId(cookie, secret) !== null;
}

const hasSessionId = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://x').searchParams.has('sid');

export type ConnectionGuard = ReturnType<typeof guardConnections>;
