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

/** Where a login stands: done (a session exists), or a second step to take with the short-lived token. */
export type LoginStep = { step: 'done'; me: StaffIdentity } | { step: 'totp' | 'enrol'; loginToken: string };

export const logIn = (username: string, password: string) =>
  callApi<LoginStep>('POST', '/api/auth/login', { username, password });

/** The second step: six digits from her app, or one of her recovery codes. */
export const logInWithCode = (loginToken: string, code: string) =>
  callApi<{ step: 'done'; me: StaffIdentity }>('POST', '/api/auth/login/code', { loginToken, code });

export interface TotpSetup {
  secret: string;
  uri: string;
}

/** Enrolment required by the admins, right after the password and before any session. */
export const startLoginEnrolment = (loginToken: string) =>
  callApi<TotpSetup>('POST', '/api/auth/login/enrol/start', { loginToken });

export const confirmLoginEnrolment = (loginToken: string, code: string) =>
  callApi<{ me: StaffIdentity; recoveryCodes: string[] }>('POST', '/api/auth/login/enrol/confirm', {
    loginToken,
    code,
  });

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
