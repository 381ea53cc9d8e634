// Socket handshakes from a page of another site are refused (OWASP WebSocket guidance): a browser always
// sends Origin, and it must name this server. Clients that are not browsers send none and are let through;
// staff sockets still need their session cookie.
import type { IncomingMessage } from 'node:http';

export function sameOriginHandshake(publicUrl: string | null) {
  const allowed = publicUrl ? new URL(publicUrl).host : null;
  return (request: IncomingMessage, callback: (error: string | null, success: boolean) => void) => {
    const origin = request.headers.origin;
    if (!origin) return callback(null, true);
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return callback('origin not allowed', false);
    }
    const ok = host === request.headers.host || host === allowed;
    callback(ok ? null : 'origin not allowed', ok);
  };
}
