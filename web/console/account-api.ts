// The HTTP calls behind "Sécurité du compte" (her password, her two-factor authentication) and the admins'
// security controls (requiring 2FA, resetting a colleague's, the audit log).
import type { AuditEntryView } from '../../src/protocol/audit.ts';
import { callApi } from './api.ts';
import type { TotpSetup } from './session.ts';

export interface SecurityStatus {
  totpEnabled: boolean;
  totpRequired: boolean;
  recoveryCodesLeft: number;
}

export const fetchSecurity = () => callApi<{ security: SecurityStatus }>('GET', '/api/account/security');

export const changePassword = (currentPassword: string, newPassword: string) =>
  callApi<object>('POST', '/api/account/password', { currentPassword, newPassword });

export const startTotp = () => callApi<TotpSetup>('POST', '/api/account/totp/start');

export const confirmTotp = (code: string) =>
  callApi<{ recoveryCodes: string[] }>('POST', '/api/account/totp/confirm', { code });

export const disableTotp = (code: string) => callApi<object>('POST', '/api/account/totp/disable', { code });

export const fetchSecurityPolicy = () => callApi<{ policy: { requireTotp: boolean } }>('GET', '/api/admin/security');

export const saveSecurityPolicy = (requireTotp: boolean) =>
  callApi<{ policy: { requireTotp: boolean } }>('PUT', '/api/admin/security', { requireTotp });

export const resetTotp = (staffId: string) =>
  callApi<object>('POST', `/api/admin/staff/${encodeURIComponent(staffId)}/totp/reset`);

export const fetchAudit = (before?: string, limit = 50) =>
  callApi<{ entries: AuditEntryView[] }>(
    'GET',
    `/api/admin/audit?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`,
  );
