// The short-lived token between the password and the second login step (a code, or enrolment when admins
// require two-factor authentication). It proves the password was right a few minutes ago and nothing more:
// it opens no session. Signed with the session secret and stateless, so any node of a cluster can read it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { Clock } from '../clock.ts';

export const LOGIN_STEP_MINUTES = 5;

export type LoginStepKind = 'totp' | 'enrol';

export function createLoginSteps({ secret, clock }: { secret: string; clock: Clock }) {
  const mac = (payload: string) =>
    createHmac('sha256', secret).update(`havre login step v1\u0000${payload}`).digest('base64url');

  return {
    issue(staffId: string, kind: LoginStepKind): string {
      const expiresAt = clock.now().getTime() + LOGIN_STEP_MINUTES * 60_000;
      const payload = Buffer.from(`${kind}.${staffId}.${expiresAt}`).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },

    /** The staff id the token was issued for, or LOGIN_STEP_EXPIRED: she starts again with her password. */
    read(token: string, kind: LoginStepKind): string {
      const [payload = '', given = ''] = token.split('.');
      const expected = mac(payload);
      const valid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      const [tokenKind, staffId, expiresAt] = valid ? Buffer.from(payload, 'base64url').toString().split('.') : [];
      if (!valid || tokenKind !== kind || !staffId || Number(expiresAt) <= clock.now().getTime()) {
        throw new HavreError('LOGIN_STEP_EXPIRED', 'this login step has expired: enter your password again');
      }
      return staffId;
    },
  };
}

export type LoginSteps = ReturnType<typeof createLoginSteps>;
