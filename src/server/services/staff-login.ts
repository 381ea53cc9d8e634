// Staff login in one or two steps: the password, then (when two-factor authentication is on) a code or a
// recovery code, or (when admins require it and she has none yet) her enrolment. No session exists until the
// last step succeeds. Every attempt passes the throttle first and counts until it succeeds; failures are
// audited only for real accounts.
import { createHash } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';
import type { AccountSecurity } from './account-security.ts';
import type { AuditLog } from './audit-log.ts';
import type { DeviceTrust } from './device-trust.ts';
import type { LoginSteps } from './login-steps.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { StaffAccounts } from './staff-accounts.ts';

/** Refused before the password was even checked; `retryAfterSeconds` says when to try again. */
export class LoginThrottledError extends HavreError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    super('LOGIN_THROTTLED', 'too many attempts: wait before trying again');
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

/** A finished login: the session, and the value of the cookie that vouches for this browser from now on. */
export interface LoggedIn {
  staff: StaffRow;
  sessionId: string;
  device: string;
}

export type PasswordStepResult = ({ step: 'done' } & LoggedIn) | { step: 'totp' | 'enrol'; loginToken: string };

/** Where an attempt comes from: the network's short-lived hash, and this browser's device cookie if any. */
export interface LoginOrigin {
  network: string;
  device: string | null;
}

interface Deps {
  accounts: StaffAccounts;
  staff: StaffRepository;
  security: AccountSecurity;
  steps: LoginSteps;
  throttle: LoginThrottle;
  devices: DeviceTrust;
  audit: AuditLog;
}

/**
 * The throttle's name for an account: a hash of the typed name, the same whether or not the account exists
 * (so that throttling does not reveal which names are real), and never the name itself in memory.
 */
const accountKey = (username: string) => createHash('sha256').update(username.trim().toLowerCase()).digest('base64url');

/** A throttled account is written in the audit log at most this often: a flood must not flood the log. */
const THROTTLED_AUDIT_EVERY_MS = 60_000;

export function createStaffLogin({ accounts, staff, security, steps, throttle, devices, audit }: Deps) {
  /** When each account (by its throttle key) was last written as throttled, in memory only. */
  const throttledAudited = new Map<string, number>();

  /** An existing account whose login was refused by the throttle: said in the audit log, once a minute at most. */
  async function auditThrottled(username: string): Promise<void> {
    const key = accountKey(username);
    const now = Date.now();
    if (now - (throttledAudited.get(key) ?? 0) < THROTTLED_AUDIT_EVERY_MS) return;
    if (throttledAudited.size > 1_000) {
      for (const [known, at] of throttledAudited)
        if (now - at >= THROTTLED_AUDIT_EVERY_MS) throttledAudited.delete(known);
    }
    throttledAudited.set(key, now);
    const row = await staff.byUsername(username.trim());
    if (row) await audit.record(null, 'staff.login_failed', { type: 'staff', id: row.id }, { step: 'throttled' });
  }

  /** Counts the attempt (or refuses it); answers how to take it back once it succeeds. */
  async function attempt(username: string, { network, device }: LoginOrigin): Promise<() => Promise<void>> {
    const key = accountKey(username);
    const trusted = devices.trusts(device, key);
    const verdict = await throttle.attempt(key, network, trusted);
    if (!verdict.allowed) throw new LoginThrottledError(verdict.retryAfterMs);
    return () => throttle.succeeded(key, network, trusted);
  }

  async function finish(row: StaffRow, succeeded: () => Promise<void>, secondFactor: string): Promise<LoggedIn> {
    await succeeded();
    await audit.record(row, 'staff.login', { type: 'staff', id: row.id }, { second_factor: secondFactor });
    const sessionId = await accounts.openSession(row.id);
    return { staff: row, sessionId, device: devices.issue(accountKey(row.username)) };
  }

  /** The account behind a login token, still enabled. */
  async function stepStaff(loginToken: string, kind: 'totp' | 'enrol'): Promise<StaffRow> {
    const row = await staff.byId(steps.read(loginToken, kind));
    if (!row || row.disabled) throw new HavreError('LOGIN_STEP_EXPIRED', 'enter your password again');
    return row;
  }

  return {
    async password(username: string, password: string, origin: LoginOrigin): Promise<PasswordStepResult> {
      let succeeded: () => Promise<void>;
      try {
        succeeded = await attempt(username, origin);
      } catch (error) {
        if (error instanceof LoginThrottledError) await auditThrottled(username);
        throw error;
      }
      const { staff: row, known } = await accounts.checkPassword(username, password);
      if (!row) {
        // Only an existing account is named: a name that matches none may be a password typed in the wrong field.
        if (known)
          await audit.record(null, 'staff.login_failed', { type: 'staff', id: known.id }, { step: 'password' });
        throw new HavreError('INVALID_CREDENTIALS', 'wrong username or password');
      }
      // The password was right: the second step, if any, is counted on its own.
      if (await security.totpEnabled(row.id)) {
        await succeeded();
        return { step: 'totp', loginToken: steps.issue(row.id, 'totp') };
      }
      if ((await security.policy()).requireTotp) {
        await succeeded();
        return { step: 'enrol', loginToken: steps.issue(row.id, 'enrol') };
      }
      return { step: 'done', ...(await finish(row, succeeded, 'none')) };
    },

    async code(loginToken: string, code: string, origin: LoginOrigin): Promise<LoggedIn> {
      const row = await stepStaff(loginToken, 'totp');
      const succeeded = await attempt(row.username, origin);
      try {
        const used = await security.verifySecondFactor(row, code);
        return await finish(row, succeeded, used);
      } catch (error) {
        if (error instanceof HavreError && error.code === 'INVALID_TOTP_CODE') {
          await audit.record(null, 'staff.login_failed', { type: 'staff', id: row.id }, { step: 'code' });
        }
        throw error;
      }
    },

    /**
     * A check of her current password or code from inside a session (changing the password, turning 2FA off):
     * throttled and audited like a login, so that a stolen session cannot guess its way to lasting access.
     */
    async recheck<T>(
      row: StaffRow,
      step: 'password_change' | 'totp_disable',
      origin: LoginOrigin,
      check: () => Promise<T>,
    ) {
      const succeeded = await attempt(row.username, origin);
      try {
        const result = await check();
        succeeded();
        return result;
      } catch (error) {
        const refused =
          error instanceof HavreError && ['WRONG_CURRENT_PASSWORD', 'INVALID_TOTP_CODE'].includes(error.code);
        if (refused) await audit.record(null, 'staff.login_failed', { type: 'staff', id: row.id }, { step });
        else succeeded();
        throw error;
      }
    },

    async startEnrolment(loginToken: string, origin: LoginOrigin) {
      const row = await stepStaff(loginToken, 'enrol');
      // Throttled like a login step, so that a pending secret cannot be replaced in a loop.
      await (await attempt(row.username, origin))();
      return security.startEnrolment(row);
    },

    async confirmEnrolment(loginToken: string, code: string, origin: LoginOrigin) {
      const row = await stepStaff(loginToken, 'enrol');
      const succeeded = await attempt(row.username, origin);
      const recoveryCodes = await security.confirmEnrolment(row, code);
      return { ...(await finish(row, succeeded, 'totp')), recoveryCodes };
    },
  };
}

export type StaffLogin = ReturnType<typeof createStaffLogin>;
