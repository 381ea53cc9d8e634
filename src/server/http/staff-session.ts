// Who is calling: the staff member behind the session cookie, checked against the roles a route allows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HavreError } from '../../protocol/errors.ts';
import type { Role } from '../../protocol/schemas.ts';
import {
  readCookie,
  SESSION_COOKIE,
  sessionCookieHeader,
  signSessionId,
  unsignSessionId,
} from '../services/session-cookie.ts';
import { SESSION_HOURS, type StaffAccounts } from '../services/staff-accounts.ts';
import type { StaffRow } from '../storage/schema.ts';

/**
 * `secureCookies`: Havre is reached over https (PUBLIC_URL), even if TLS ends at a proxy in front of it, so
 * the cookie is marked Secure whatever the request's own protocol says.
 */
export function createStaffSession({
  accounts,
  secret,
  secureCookies,
}: {
  accounts: StaffAccounts;
  secret: string;
  secureCookies: boolean;
}) {
  function sessionIdOf(request: FastifyRequest): string | null {
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    return cookie ? unsignSessionId(cookie, secret) : null;
  }

  return {
    sessionIdOf,

    async require(request: FastifyRequest, roles?: readonly Role[]): Promise<StaffRow> {
      const sessionId = sessionIdOf(request);
      const staff = sessionId ? await accounts.authenticate(sessionId) : null;
      if (!staff) throw new HavreError('UNAUTHENTICATED', 'please log in');
      if (roles && !roles.includes(staff.role)) throw new HavreError('FORBIDDEN', 'your role does not allow this');
      return staff;
    },

    /** Whether cookies set for this request must be marked Secure. */
    secureFor: (request: FastifyRequest): boolean => secureCookies || request.protocol === 'https',

    setCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
      const value = signSessionId(sessionId, secret);
      reply.header(
        'set-cookie',
        sessionCookieHeader(value, {
          secure: secureCookies || request.protocol === 'https',
          maxAgeSeconds: SESSION_HOURS * 3600,
        }),
      );
    },

    clearCookie(request: FastifyRequest, reply: FastifyReply): void {
      reply.header(
        'set-cookie',
        sessionCookieHeader('', { secure: secureCookies || request.protocol === 'https', maxAgeSeconds: 0 }),
      );
    },
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;
