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
import { DEVICE_COOKIE, deviceCookieHeader } from '../services/device-trust.ts';
import type { NetworkHasher } from '../services/network-hash.ts';
import { readCookie } from '../services/session-cookie.ts';
import { type StaffAccounts, toIdentity } from '../services/staff-accounts.ts';
import { type LoggedIn, type LoginOrigin, LoginThrottledError, type StaffLogin } from '../services/staff-login.ts';
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

/**
 * Where a login attempt comes from, for the throttle: the network's short-lived keyed hash (Fastify's
 * request.ip honours TRUST_PROXY; the address itself is never kept) and this browser's device cookie.
 */
export function loginOrigin(networks: NetworkHasher) {
  return (request: FastifyRequest): LoginOrigin => ({
    network: networks.hash(request.ip),
    device: readCookie(request.headers.cookie, DEVICE_COOKIE),
  });
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps) {
  const { accounts, login, session, audit, networks, endSessionSockets } = deps;
  const originOf = loginOrigin(networks);
  /** Sets the session cookie, and the cookie that vouches for this browser at its next logins. */
  const loggedIn = (request: FastifyRequest, reply: FastifyReply, { sessionId, device }: LoggedIn) => {
    session.setCookie(request, reply, sessionId);
    reply.header('set-cookie', deviceCookieHeader(device, session.secureFor(request)));
  };

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
      const result = await login.password(username, password, originOf(request));
      if (result.step !== 'done') return { ok: true, step: result.step, loginToken: result.loginToken };
      loggedIn(request, reply, result);
      return { ok: true, step: 'done', me: toIdentity(result.staff) };
    }),
  );

  app.post('/api/auth/login/code', async (request, reply) =>
    answeringThrottle(reply, async () => {
      const { loginToken, code } = parsePayload(loginCodeSchema, request.body);
      const result = await login.code(loginToken, code, originOf(request));
      loggedIn(request, reply, result);
      return { ok: true, step: 'done', me: toIdentity(result.staff) };
    }),
  );

  app.post('/api/auth/login/enrol/start', async (request, reply) =>
    answeringThrottle(reply, async () => {
      const { loginToken } = parsePayload(loginEnrolStartSchema, request.body);
      return { ok: true, ...(await login.startEnrolment(loginToken, originOf(request))) };
    }),
  );

  app.post('/api/auth/login/enrol/confirm', async (request, reply) =>
    answeringThrottle(reply, async () => {
      const { loginToken, code } = parsePayload(loginEnrolConfirmSchema, request.body);
      const { recoveryCodes, ...result } = await login.confirmEnrolment(loginToken, code, originOf(request));
      loggedIn(request, reply, result);
      return { ok: true, step: 'done', me: toIdentity(result.staff), recoveryCodes };
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
