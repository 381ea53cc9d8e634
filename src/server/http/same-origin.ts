// Requests that change something must come from Havre's own pages (issue 11, item 2). Staff cookies are
// SameSite=Strict, which stops other sites but not a sibling origin of the same site (the association's
// www. next to the chat's chat., a hacked blog on the same domain): so the origin is checked too, for HTTP
// writes and for socket handshakes alike (OWASP's CSRF and WebSocket guidance).
//
// The rule for HTTP is that of Go's CrossOriginProtection (net/http, 1.25), decision 0023:
// - reads (GET, HEAD, OPTIONS) pass: they change nothing;
// - `Sec-Fetch-Site`, sent by every current browser, must say `same-origin` (or `none`: typed, bookmarked);
// - without it, an `Origin` must name this server (its Host, or PUBLIC_URL's);
// - without either, the request does not come from a browser (curl, the CLI, a monitor): a forged request
//   rides a victim's browser, which always sends one of them on a write.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { HavreError } from '../../protocol/errors.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `origin` (a browser's Origin header) names this server, reached as `host` or at `publicUrl`. */
export function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  if (!URL.canParse(origin)) return false;
  const { host: originHost } = new URL(origin);
  return originHost === host || (publicUrl !== null && originHost === new URL(publicUrl).host);
}

interface WriteRequest {
  method?: string;
  headers: { origin?: string; 'sec-fetch-site'?: string | string[]; host?: string };
}

export function isCrossSiteWrite({ method, headers }: WriteRequest, publicUrl: string | null): boolean {
  if (method === undefined || READS.has(method)) return false;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (headers.origin === undefined) return false;
  return !isOwnOrigin(headers.origin, headers.host, publicUrl);
}

/** Refuses, before any body is parsed or any cookie read, a write that a page of another origin sent. */
export function refuseCrossSiteWrites(app: FastifyInstance, publicUrl: string | null): void {
  app.addHook('onRequest', async (request) => {
    if (isCrossSiteWrite(request.raw, publicUrl)) {
      throw new HavreError('CROSS_SITE', 'this request must come from a page of this site');
    }
  });
}

/**
 * Socket handshakes: a browser always sends Origin, and it must name this server. Clients that are not
 * browsers send none and are let through; staff sockets still need their session cookie.
 */
export function sameOriginHandshake(publicUrl: string | null) {
  return (request: IncomingMessage, callback: (error: string | null, success: boolean) => void) => {
    const origin = request.headers.origin;
    const ok = origin === undefined || isOwnOrigin(origin, request.headers.host, publicUrl);
    callback(ok ? null : 'origin not allowed', ok);
  };
}
