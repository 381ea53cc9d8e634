// Wiring of staff account security: the repository, the TOTP and password service, the login throttle (in
// memory, or in the store the nodes share in cluster mode, keyed by short-lived network hashes and trusted-device
// cookies) and the signed tokens between the two login steps.
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import { createAccountSecurity } from './services/account-security.ts';
import type { AuditLog } from './services/audit-log.ts';
import { createDeviceTrust } from './services/device-trust.ts';
import { createLoginSteps } from './services/login-steps.ts';
import { type LoginThrottle, memoryLoginThrottle } from './services/login-throttle.ts';
import type { NetworkHasher } from './services/network-hash.ts';
import type { StaffAccounts } from './services/staff-accounts.ts';
import { createStaffLogin } from './services/staff-login.ts';
import type { Database } from './storage/schema.ts';
import type { SettingsRepository } from './storage/settings-repository.ts';
import type { StaffRepository } from './storage/staff-repository.ts';
import { createStaffSecurityRepository } from './storage/staff-security-repository.ts';

interface Deps {
  db: Kysely<Database>;
  staff: StaffRepository;
  settings: SettingsRepository;
  masterKey: Buffer;
  secret: string;
  audit: AuditLog;
  clock: Clock;
  /** The staff's own network pseudonyms (apart from the visitors'), shared by the nodes in cluster mode. */
  networks: NetworkHasher;
  /** In memory on one node; in the short-lived store shared by all in cluster mode. */
  throttle?: LoginThrottle;
}

export function createStaffSecurity({
  db,
  staff,
  settings,
  masterKey,
  secret,
  audit,
  clock,
  networks,
  throttle = memoryLoginThrottle(clock),
}: Deps) {
  const security = createAccountSecurity({
    security: createStaffSecurityRepository(db),
    settings,
    masterKey,
    audit,
    clock,
  });
  const steps = createLoginSteps({ secret, clock });
  const devices = createDeviceTrust({ secret, clock });
  return {
    security,
    throttle,
    networks,
    login: (accounts: StaffAccounts) =>
      createStaffLogin({ accounts, staff, security, steps, throttle, devices, audit }),
  };
}
