// The admin HTTP calls: staff accounts and settings.
import type { Role, Settings } from '../../src/protocol/schemas.ts';
import type { StaffMemberView } from '../../src/protocol/views.ts';
import { callApi } from './api.ts';

export const listStaff = () => callApi<{ staff: StaffMemberView[] }>('GET', '/api/admin/staff');

export interface NewStaffMember {
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

export const createStaff = (member: NewStaffMember) =>
  callApi<{ staff: StaffMemberView }>('POST', '/api/admin/staff', member);

export const updateStaff = (id: string, change: { disabled?: boolean; role?: Role }) =>
  callApi<{ staff: StaffMemberView }>('PATCH', `/api/admin/staff/${encodeURIComponent(id)}`, change);

export const fetchSettings = () => callApi<{ settings: Settings }>('GET', '/api/admin/settings');

export const saveSettings = (settings: Settings) =>
  callApi<{ settings: Settings }>('PUT', '/api/admin/settings', settings);
