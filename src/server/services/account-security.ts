// A staff member's own account security: her password, her two-factor authentication (TOTP enrolment with
// recovery codes, checking a second factor, turning it off), an admin's reset of a colleague's TOTP, and the
// admins' policy that makes two-factor authentication required for everyone.
import { createHash, randomInt } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { Clock } from '../clock.ts';
import { open, seal } from '../crypto/content-cipher.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import type { StaffSecurityRepository } from '../storage/staff-security-repository.ts';
import type { AuditLog } from './audit-log.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { base32Encode, matchingStep, newTotpSecret, otpauthUri } from './totp.ts';

export const RECOVERY_CODE_COUNT = 10;
const POLICY_KEY = 'security_policy';
const ISSUER = 'Havre';
/** No 0/O, 1/I/L: a recovery code is often copied by hand from paper. 16 of 31 symbols ≈ 79 bits. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface SecurityPolicy {
  requireTotp: boolean;
}

export interface SecurityStatus {
  totpEnabled: boolean;
  totpRequired: boolean;
  recoveryCodesLeft: number;
}

interface Deps {
  security: StaffSecurityRepository;
  settings: SettingsRepository;
  masterKey: Buffer;
  audit: AuditLog;
  clock: Clock;
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

/** Case, spaces and dashes do not matter when she types a recovery code back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(`havre recovery v1\u0000${normaliseRecoveryCode(code)}`)
    .digest('hex');

export function createAccountSecurity({ security, settings, masterKey, audit, clock }: Deps) {
  const sealSecret = (staffId: string, secret: Buffer) => seal(masterKey, secret, `staff-totp:${staffId}`);
  const openSecret = (staffId: string, sealed: Uint8Array) =>
    open(masterKey, Buffer.from(sealed), `staff-totp:${staffId}`);

  /** Accepts a current TOTP code of this secret once, or says INVALID_TOTP_CODE. */
  async function acceptCode(staffId: string, sealed: Uint8Array, code: string): Promise<void> {
    const step = matchingStep(openSecret(staffId, sealed), code.replace(/\s/g, ''), clock.now().getTime());
    if (step === null || !(await security.acceptStep(staffId, step))) {
      throw new HavreError('INVALID_TOTP_CODE', 'this code is not valid (or was already used)');
    }
  }

  async function policy(): Promise<SecurityPolicy> {
    const stored = (await settings.get(POLICY_KEY)) as Partial<SecurityPolicy> | undefined;
    return { requireTotp: stored?.requireTotp === true };
  }

  async function totpEnabled(staffId: string): Promise<boolean> {
    return Boolean((await security.totpOf(staffId))?.enabled_at);
  }

  return {
    policy,
    totpEnabled,
    enabledIds: () => security.enabledTotpIds(),

    async setPolicy(admin: StaffRow, next: SecurityPolicy): Promise<SecurityPolicy> {
      const before = await policy();
      await settings.put(POLICY_KEY, next, clock.now());
      if (before.requireTotp !== next.requireTotp) {
        await audit.record(
          admin,
          'security.changed',
          { type: 'settings', id: null },
          { requireTotp: next.requireTotp },
        );
      }
      return next;
    },

    async status(staffId: string): Promise<SecurityStatus> {
      return {
        totpEnabled: await totpEnabled(staffId),
        totpRequired: (await policy()).requireTotp,
        recoveryCodesLeft: await security.recoveryCodesLeft(staffId),
      };
    },

    /** Ends every other session of hers: whoever knew the old password is out. */
    async changePassword(staff: StaffRow, current: string, next: string, keepSessionHash: string | null) {
      if (!(await verifyPassword(current, staff.password_hash))) {
        throw new HavreError('WRONG_CURRENT_PASSWORD', 'the current password is not right');
      }
      assertAcceptablePassword(next, staff.username);
      await security.setPasswordHash(staff.id, await hashPassword(next));
      await security.deleteSessionsExcept(staff.id, keepSessionHash);
      await audit.record(staff, 'staff.password_changed', { type: 'staff', id: staff.id });
    },

    /** A new secret to scan; enrolment ends when she types a code from it. */
    async startEnrolment(staff: StaffRow): Promise<{ secret: string; uri: string }> {
      const secret = newTotpSecret();
      if (!(await security.startTotp(staff.id, sealSecret(staff.id, secret), clock.now()))) {
        throw new HavreError('TOTP_ALREADY_ENABLED', 'two-factor authentication is already on');
      }
      return { secret: base32Encode(secret), uri: otpauthUri(secret, staff.username, ISSUER) };
    },

    /** Turns TOTP on with a first code and answers the recovery codes, shown this once and stored hashed. */
    async confirmEnrolment(staff: StaffRow, code: string): Promise<string[]> {
      const row = await security.totpOf(staff.id);
      if (!row) throw new HavreError('TOTP_NOT_STARTED', 'start the set-up again');
      if (row.enabled_at) throw new HavreError('TOTP_ALREADY_ENABLED', 'two-factor authentication is already on');
      await acceptCode(staff.id, row.secret, code);
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await security.enableTotp(staff.id, codes.map(hashRecoveryCode), clock.now());
      await audit.record(staff, 'totp.enabled', { type: 'staff', id: staff.id });
      return codes;
    },

    /** The second login step: a current code, or one of her recovery codes (each works once). */
    async verifySecondFactor(staff: StaffRow, code: string): Promise<'totp' | 'recovery_code'> {
      const row = await security.totpOf(staff.id);
      if (!row?.enabled_at) throw new HavreError('TOTP_NOT_ENABLED', 'two-factor authentication is off');
      if (/^[0-9]{6}$/.test(code.replace(/\s/g, ''))) {
        await acceptCode(staff.id, row.secret, code);
        return 'totp';
      }
      if (!(await security.useRecoveryCode(staff.id, hashRecoveryCode(code), clock.now()))) {
        throw new HavreError('INVALID_TOTP_CODE', 'this code is not valid (or was already used)');
      }
      const left = await security.recoveryCodesLeft(staff.id);
      await audit.record(staff, 'totp.recovery_code_used', { type: 'staff', id: staff.id }, { left });
      return 'recovery_code';
    },

    async disable(staff: StaffRow, code: string): Promise<void> {
      const row = await security.totpOf(staff.id);
      if (!row?.enabled_at) throw new HavreError('TOTP_NOT_ENABLED', 'two-factor authentication is off');
      if ((await policy()).requireTotp) {
        throw new HavreError('TOTP_REQUIRED', 'two-factor authentication is required for every staff member');
      }
      await acceptCode(staff.id, row.secret, code);
      await security.removeTotp(staff.id);
      await audit.record(staff, 'totp.disabled', { type: 'staff', id: staff.id }, { by: 'self' });
    },

    /** For a lost phone: she logs in with her password alone (or enrols again if it is required). */
    async reset(admin: StaffRow, staffId: string): Promise<void> {
      // Her own goes through `disable`, which asks for a current code and honours the requirement.
      if (staffId === admin.id)
        throw new HavreError('FORBIDDEN', 'turn your own two-factor authentication off from your account page');
      if (!(await security.removeTotp(staffId))) {
        throw new HavreError('TOTP_NOT_ENABLED', 'two-factor authentication is off for this account');
      }
      await audit.record(admin, 'totp.disabled', { type: 'staff', id: staffId }, { by: 'admin' });
    },
  };
}

export type AccountSecurity = ReturnType<typeof createAccountSecurity>;
