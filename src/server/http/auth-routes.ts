// First-admin set-up, login in one or two steps (password, then a code or enrolment), logout and "who am I"
// for the staff console. A session cookie is set only once the last step succeeds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  loginCodeSchema,
  loginEnrolConfirmSchema,
  loginEnrolStartSchema,
  loginSchema,
  parsePayload,
  setupSchema,
} from '../../protocol/schemas.ts';
import type { AuditLog } from '../services/audit-log.ts';
import type { NetworkHasher } from '../services/network-hash.ts';
import { type StaffAccounts, toIdentity } from '../services/staff-accounts.ts';
import { LoginThrottledError, type StaffLogin } from '../services/staff-login.ts';
import { hashToken } from '../services/tokens.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  accounts: StaffAccounts;
  login: StaffLogin;
  session: StaffSession;
  audit: AuditLog;
  networks: NetworkHasher;
  /** Ends the live sockets of a session that logged out. */
  endSessionSockets: (sessionHash: string) => void;
}

/** A throttled attempt gets 429 with Retry-After, and the wait in the body for the login form to show. */
async function answeringThrottle<T>(reply: FastifyReply, attempt: () => Promise<T>): Promise<T | object> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof LoginThrottledError)) throw error;
    reply.code(429).header('retry-after', String(error.retryAfterSeconds));
    return {
      ok: false,
      error: { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds },
    };
  }
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps) {
  const { accounts, login, session, audit, networks, endSessionSockets } = deps;
  // Fastify's request.ip honours TRUST_PROXY; only its short-lived keyed hash is kept, in memory.
  const networkOf = (request: FastifyRequest) => networks.hash(request.ip);

  app.get('/api/setup', async () => ({ ok: true, needed: await accounts.setupNeeded() }));

  app.post('/api/setup', async (request, reply) => {
    const { token, ...input } = parsePayload(setupSchema, request.body);
    const { staff, sessionId } = await accounts.completeSetup(token, input);
    session.setCookie(request, reply, sessionId);
    return { ok: true, me: toIdentity(staff) };
  });

  app.post('/api/auth/login', async (request, reply) =>
    answeringThrottle(reply, async () => {
      const { username, password } = parsePayload(loginSchema, request.body);
      const result = await login.password(username, password, networkOf(request));
      if (result.step !== 'done') return { ok: true, step: result.step, loginToken: result.loginToken };
      session.setCookie(request, reply, result.sessionId);
      return { ok: true, step: 'done', me: toIdentity(result.staff) };
    }),
  );

  app.post('/api/auth/login/code', async (request, reply) =>
    answeringThrottle(reply, async () => {
      const { loginToken, code } = parsePayload(loginCodeSchema, request.body);
      const { staff, sessionId } = await login.code(loginToken, code, networkOf(request));
      session.setCookie(request, reply, sessionId);
      return { ok: true, step: 'done', me: toIdentity(staff) };
    }),
  );

  app.post('/api/auth/login/enrol/start', async (request) => {
    const { loginToken } = parsePayload(loginEnrolStartSchema, request.body);
    return { ok: true, ...(await login.startEnrolment(loginToken)) };
  });

  app.post('/api/auth/login/enrol/confirm', async (request, reply) =>
    answeringThrottle(reply, async () => {
      const { loginToken, code } = parsePayload(loginEnrolConfirmSchema, request.body);
      const { staff, sessionId, recoveryCodes } = await login.confirmEnrolment(loginToken, code, networkOf(request));
      session.setCookie(request, reply, sessionId);
      return { ok: true, step: 'done', me: toIdentity(staff), recoveryCodes };
    }),
  );

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
