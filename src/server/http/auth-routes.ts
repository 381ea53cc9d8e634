// First-admin set-up, login, logout and "who am I" for the staff console.
import type { FastifyInstance } from 'fastify';
import { loginSchema, parsePayload, setupSchema } from '../../protocol/schemas.ts';
import type { AuditLog } from '../services/audit-log.ts';
import { type StaffAccounts, toIdentity } from '../services/staff-accounts.ts';
import { hashToken } from '../services/tokens.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  accounts: StaffAccounts;
  session: StaffSession;
  audit: AuditLog;
  /** Ends the live sockets of a session that logged out. */
  endSessionSockets: (sessionHash: string) => void;
}

export function registerAuthRoutes(app: FastifyInstance, { accounts, session, audit, endSessionSockets }: Deps) {
  app.get('/api/setup', async () => ({ ok: true, needed: await accounts.setupNeeded() }));

  app.post('/api/setup', async (request, reply) => {
    const { token, ...input } = parsePayload(setupSchema, request.body);
    const { staff, sessionId } = await accounts.completeSetup(token, input);
    session.setCookie(request, reply, sessionId);
    return { ok: true, me: toIdentity(staff) };
  });

  app.post('/api/auth/login', async (request, reply) => {
    const { username, password } = parsePayload(loginSchema, request.body);
    const { staff, sessionId } = await accounts.login(username, password);
    session.setCookie(request, reply, sessionId);
    return { ok: true, me: toIdentity(staff) };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const sessionId = session.sessionIdOf(request);
    const staff = sessionId ? await accounts.authenticate(sessionId) : null;
    if (sessionId) {
      await accounts.logout(sessionId);
      if (staff) await audit.record(staff, 'staff.logout');
      endSessionSockets(hashToken(sessionId));
    }
    session.clearCookie(request, reply);
    return { ok: true };
  });

  app.get('/api/auth/me', async (request) => ({ ok: true, me: toIdentity(await session.require(request)) }));
}
