// The staff session cookie: a random session id and its HMAC, so that a forged or altered cookie is refused
// before the database is asked. HttpOnly and SameSite=Strict keep it from scripts and from other sites.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'havre_staff';

export function signSessionId(sessionId: string, secret: string): string {
  return `${sessionId}.${mac(sessionId, secret)}`;
}

export function unsignSessionId(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return null;
  const sessionId = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(sessionId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? sessionId : null;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeOrNull(part.slice(eq + 1).trim());
  }
  return null;
}

export function sessionCookieHeader(
  value: string,
  { secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number },
) {
  const attributes = [`Path=/`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; ${attributes.join('; ')}`;
}

const mac = (sessionId: string, secret: string) => createHmac('sha256', secret).update(sessionId).digest('base64url');

/** A malformed escape in a cookie is someone else's mistake (or an attack), never a reason to throw. */
function decodeOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
