// Staff accounts: first admin set-up, creation, login and sessions, logout, disabling.
import { randomUUID } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { Role } from '../../protocol/schemas.ts';
import type { StaffMemberView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';
import { assertAcceptablePassword, decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_HOURS = 12;
const SETUP_KEY = 'setup_token_hash';

export interface StaffIdentity {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface NewStaffInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

interface Deps {
  staff: StaffRepository;
  settings: SettingsRepository;
  clock: Clock;
  /** Ids of the members whose two-factor authentication is on, for the team list. */
  totpEnabledIds?: () => Promise<Set<string>>;
}

export function createStaffAccounts({ staff, settings, clock, totpEnabledIds }: Deps) {
  async function create(input: NewStaffInput): Promise<StaffRow> {
    if (await staff.byUsername(input.username)) throw new HavreError('USERNAME_TAKEN', 'this username is taken');
    return staff.insert({
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: clock.now(),
    });
  }

  async function openSession(staffId: string): Promise<string> {
    const sessionId = newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await staff.insertSession({ idHash: hashToken(sessionId), staffId, createdAt: now, expiresAt });
    return sessionId;
  }

  /** An account whose password a person just chose (set-up, admin, CLI): it must pass the password rules. */
  async function register(input: NewStaffInput): Promise<StaffRow> {
    assertAcceptablePassword(input.password, input.username);
    return create(input);
  }

  return {
    create,
    register,
    openSession,

    /** Until an enabled admin exists, a one-time set-up token lets the operator create the first one. */
    async issueSetupToken(): Promise<string | null> {
      if ((await staff.countActiveAdmins()) > 0) return null;
      const token = newToken();
      await settings.put(SETUP_KEY, hashToken(token), clock.now());
      return token;
    },

    async setupNeeded(): Promise<boolean> {
      return (await staff.countActiveAdmins()) === 0;
    },

    async completeSetup(token: string, input: Omit<NewStaffInput, 'role'>) {
      if (!(await this.setupNeeded())) throw new HavreError('SETUP_DONE', 'an admin already exists');
      const expected = await settings.get(SETUP_KEY);
      if (typeof expected !== 'string' || expected !== hashToken(token)) {
        throw new HavreError('INVALID_SETUP_TOKEN', 'this set-up link is not valid any more');
      }
      const admin = await register({ ...input, role: 'admin' });
      await settings.remove(SETUP_KEY);
      return { staff: admin, sessionId: await openSession(admin.id) };
    },

    /**
     * The first login step: the account behind these credentials, or why not. `known` is the account the name
     * belongs to even when the password is wrong (for the audit log; never the typed name itself).
     */
    async checkPassword(username: string, password: string) {
      const row = await staff.byUsername(username);
      const valid = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
      if (!row || !valid || row.disabled) return { staff: null, known: row ?? null };
      return { staff: row, known: row };
    },

    async login(username: string, password: string) {
      const { staff: row } = await this.checkPassword(username, password);
      if (!row) throw new HavreError('INVALID_CREDENTIALS', 'wrong username or password');
      return { staff: row, sessionId: await openSession(row.id) };
    },

    async authenticate(sessionId: string): Promise<StaffRow | null> {
      return (await staff.sessionStaff(hashToken(sessionId), clock.now())) ?? null;
    },

    logout: (sessionId: string) => staff.deleteSession(hashToken(sessionId)),

    async list(): Promise<StaffMemberView[]> {
      const withTotp = (await totpEnabledIds?.()) ?? new Set<string>();
      return (await staff.list()).map((row) => ({ ...toStaffMemberView(row), totpEnabled: withTotp.has(row.id) }));
    },

    async update(id: string, changes: { disabled?: boolean; role?: Role }): Promise<StaffMemberView> {
      const current = await staff.byId(id);
      if (!current) throw new HavreError('NOT_FOUND', 'no such staff member');
      const losesAdmin =
        current.role === 'admin' && !current.disabled && (changes.disabled || (changes.role ?? 'admin') !== 'admin');
      if (losesAdmin && (await staff.countActiveAdmins()) <= 1) {
        throw new HavreError('LAST_ADMIN', 'the last admin cannot be disabled or demoted');
      }
      const row = await staff.update(id, changes);
      if (!row) throw new HavreError('NOT_FOUND', 'no such staff member');
      if (row.disabled) await staff.deleteSessionsOf(id);
      return toStaffMemberView(row);
    },
  };
}

export type StaffAccounts = ReturnType<typeof createStaffAccounts>;

export function toStaffMemberView(row: StaffRow): StaffMemberView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

export function toIdentity(row: StaffRow): StaffIdentity {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}
