// A staff browser that has logged in to an account is remembered by a signed cookie, so that the login
// throttle's per-account counter (which guesses from anywhere fill) never slows her on her own device: someone
// who knows her username cannot lock her out. The cookie names nobody: it holds a hash of the account name and
// an expiry, signed with the server secret; it is sent to the login routes only. Visitors never get it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const DEVICE_COOKIE = 'havre_device';
export const DEVICE_TRUST_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createDeviceTrust({ secret, clock }: { secret: string; clock: Clock }) {
  const mac = (payload: string) => createHmac('sha256', secret).update(`device:${payload}`).digest('base64url');
  return {
    /** The cookie value that vouches for this browser for this account. */
    issue(accountKey: string): string {
      const payload = `${accountKey}~${clock.now().getTime() + DEVICE_TRUST_DAYS * DAY_MS}`;
      return `${payload}.${mac(payload)}`;
    },

    /** Whether this cookie value vouches for this account now. */
    trusts(value: string | null, accountKey: string): boolean {
      if (!value) return false;
      const dot = value.lastIndexOf('.');
      const payload = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1));
      const expected = Buffer.from(mac(payload));
      if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      const [key, until] = payload.split('~');
      return key === accountKey && Number(until) > clock.now().getTime();
    },
  };
}

/** The Set-Cookie header for a trusted device, scoped to the login routes. */
export function deviceCookieHeader(value: string, secure: boolean): string {
  const attributes = [`Path=/api/auth`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${DEVICE_TRUST_DAYS * 24 * 3600}`];
  if (secure) attributes.push('Secure');
  return `${DEVICE_COOKIE}=${value}; ${attributes.join('; ')}`;
}

export type DeviceTrust = ReturnType<typeof createDeviceTrust>;
