// Staff login in one or two steps: the password, then (when two-factor authentication is on) a code or a
// recovery code, or (when admins require it and she has none yet) her enrolment. No session exists until the
// last step succeeds. Every attempt passes the throttle first; failures are audited only for real accounts.
import { createHash } from 'node:crypto';
import type { LoginThrottle } from '../../core/login-throttle.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';
import type { AccountSecurity } from './account-security.ts';
import type { AuditLog } from './audit-log.ts';
import type { LoginSteps } from './login-steps.ts';
import type { StaffAccounts } from './staff-accounts.ts';

/** Refused before the password was even checked; `retryAfterSeconds` says when to try again. */
export class LoginThrottledError extends HavreError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    super('LOGIN_THROTTLED', 'too many attempts: wait before trying again');
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

export type PasswordStepResult =
  | { step: 'done'; staff: StaffRow; sessionId: string }
  | { step: 'totp' | 'enrol'; loginToken: string };

interface Deps {
  accounts: StaffAccounts;
  staff: StaffRepository;
  security: AccountSecurity;
  steps: LoginSteps;
  throttle: LoginThrottle;
  audit: AuditLog;
}

/**
 * The throttle's name for an account: a hash of the typed name, the same whether or not the account exists
 * (so that throttling does not reveal which names are real), and never the name itself in memory.
 */
const accountKey = (username: string) => createHash('sha256').update(username.trim().toLowerCase()).digest('base64url');

export function createStaffLogin({ accounts, staff, security, steps, throttle, audit }: Deps) {
  function passThrottle(key: string, network: string): void {
    const verdict = throttle.check(key, network);
    if (!verdict.allowed) throw new LoginThrottledError(verdict.retryAfterMs);
  }

  async function finish(row: StaffRow, network: string, secondFactor: string) {
    throttle.recordSuccess(accountKey(row.username), network);
    await audit.record(row, 'staff.login', { type: 'staff', id: row.id }, { second_factor: secondFactor });
    return { staff: row, sessionId: await accounts.openSession(row.id) };
  }

  /** The account behind a login token, still enabled. */
  async function stepStaff(loginToken: string, kind: 'totp' | 'enrol'): Promise<StaffRow> {
    const row = await staff.byId(steps.read(loginToken, kind));
    if (!row || row.disabled) throw new HavreError('LOGIN_STEP_EXPIRED', 'enter your password again');
    return row;
  }

  return {
    async password(username: string, password: string, network: string): Promise<PasswordStepResult> {
      const key = accountKey(username);
      passThrottle(key, network);
      const { staff: row, known } = await accounts.checkPassword(username, password);
      if (!row) {
        throttle.recordFailure(key, network);
        // Only an existing account is named: a name that matches none may be a password typed in the wrong field.
        if (known)
          await audit.record(null, 'staff.login_failed', { type: 'staff', id: known.id }, { step: 'password' });
        throw new HavreError('INVALID_CREDENTIALS', 'wrong username or password');
      }
      if (await security.totpEnabled(row.id)) return { step: 'totp', loginToken: steps.issue(row.id, 'totp') };
      if ((await security.policy()).requireTotp) return { step: 'enrol', loginToken: steps.issue(row.id, 'enrol') };
      return { step: 'done', ...(await finish(row, network, 'none')) };
    },

    async code(loginToken: string, code: string, network: string) {
      const row = await stepStaff(loginToken, 'totp');
      const key = accountKey(row.username);
      passThrottle(key, network);
      try {
        const used = await security.verifySecondFactor(row, code);
        return await finish(row, network, used);
      } catch (error) {
        if (error instanceof HavreError && error.code === 'INVALID_TOTP_CODE') {
          throttle.recordFailure(key, network);
          await audit.record(null, 'staff.login_failed', { type: 'staff', id: row.id }, { step: 'code' });
        }
        throw error;
      }
    },

    async startEnrolment(loginToken: string) {
      return security.startEnrolment(await stepStaff(loginToken, 'enrol'));
    },

    async confirmEnrolment(loginToken: string, code: string, network: string) {
      const row = await stepStaff(loginToken, 'enrol');
      const key = accountKey(row.username);
      passThrottle(key, network);
      try {
        const recoveryCodes = await security.confirmEnrolment(row, code);
        return { ...(await finish(row, network, 'totp')), recoveryCodes };
      } catch (error) {
        if (error instanceof HavreError && error.code === 'INVALID_TOTP_CODE') throttle.recordFailure(key, network);
        throw error;
      }
    },
  };
}

export type StaffLogin = ReturnType<typeof createStaffLogin>;
