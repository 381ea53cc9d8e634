// The staff session over HTTP: who is signed in, signing in and out, and the one-time creation of the first admin.
import type { Role } from '../../src/protocol/schemas.ts';
import type { Ack } from '../../src/protocol/views.ts';
import { callApi } from './api.ts';

export interface StaffIdentity {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export const fetchMe = () => callApi<{ me: StaffIdentity }>('GET', '/api/auth/me');

export const logIn = (username: string, password: string) =>
  callApi<{ me: StaffIdentity }>('POST', '/api/auth/login', { username, password });

export const logOut = () => callApi<object>('POST', '/api/auth/logout');

export const fetchSetupNeeded = () => callApi<{ needed: boolean }>('GET', '/api/setup');

export interface FirstAdmin {
  token: string;
  username: string;
  displayName: string;
  password: string;
}

export const createFirstAdmin = (admin: FirstAdmin): Promise<Ack<{ me: StaffIdentity }>> =>
  callApi<{ me: StaffIdentity }>('POST', '/api/setup', admin);

/** The set-up token travels in the fragment (`#setup=TOKEN`) so that it never reaches a server log. */
export function setupTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('setup');
  return token && token.length > 0 ? token : null;
}

export const MIN_PASSWORD_LENGTH = 12;
