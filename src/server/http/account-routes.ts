// Every staff member's own account security ("Sécurité du compte"): password change and two-factor
// authentication; and the admins' side: requiring two-factor authentication, resetting a colleague's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePasswordSchema, parsePayload, securityPolicySchema, totpCodeSchema } from '../../protocol/schemas.ts';
import type { AccountSecurity } from '../services/account-security.ts';
import type { LoginOrigin, StaffLogin } from '../services/staff-login.ts';
import { hashToken } from '../services/tokens.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  security: AccountSecurity;
  login: StaffLogin;
  /** Where a request comes from, for the throttle (network hash and device cookie). */
  originOf: (request: FastifyRequest) => LoginOrigin;
  session: StaffSession;
  /** Ends the live sockets of her other sessions once her password changed. */
  endOtherSessionSockets: (staffId: string, keepSessionHash: string | null) => void;
}

const adminOnly = ['admin'] as const;
const staffParams = z.object({ id: z.uuid() });

export function registerAccountRoutes(app: FastifyInstance, deps: Deps) {
  const { security, login, originOf, session, endOtherSessionSockets } = deps;
  app.get('/api/account/security', async (request) => {
    const staff = await session.require(request);
    return { ok: true, security: await security.status(staff.id) };
  });

  app.post('/api/account/password', async (request) => {
    const staff = await session.require(request);
    const { currentPassword, newPassword } = parsePayload(changePasswordSchema, request.body);
    const sessionId = session.sessionIdOf(request);
    const keep = sessionId ? hashToken(sessionId) : null;
    await login.recheck(staff, 'password_change', originOf(request), () =>
      security.changePassword(staff, currentPassword, newPassword, keep),
    );
    endOtherSessionSockets(staff.id, keep);
    return { ok: true };
  });

  app.post('/api/account/totp/start', async (request) => {
    const staff = await session.require(request);
    return { ok: true, ...(await security.startEnrolment(staff)) };
  });

  app.post('/api/account/totp/confirm', async (request) => {
    const staff = await session.require(request);
    const { code } = parsePayload(totpCodeSchema, request.body);
    return { ok: true, recoveryCodes: await security.confirmEnrolment(staff, code) };
  });

  app.post('/api/account/totp/disable', async (request) => {
    const staff = await session.require(request);
    const { code } = parsePayload(totpCodeSchema, request.body);
    await login.recheck(staff, 'totp_disable', originOf(request), () => security.disable(staff, code));
    return { ok: true };
  });

  app.get('/api/admin/security', async (request) => {
    await session.require(request, adminOnly);
    return { ok: true, policy: await security.policy() };
  });

  app.put('/api/admin/security', async (request) => {
    const admin = await session.require(request, adminOnly);
    return { ok: true, policy: await security.setPolicy(admin, parsePayload(securityPolicySchema, request.body)) };
  });

  app.post('/api/admin/staff/:id/totp/reset', async (request) => {
    const admin = await session.require(request, adminOnly);
    const { id } = parsePayload(staffParams, request.params);
    await security.reset(admin, id);
    return { ok: true };
  });
}
