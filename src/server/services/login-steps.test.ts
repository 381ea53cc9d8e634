import { describe, expect, it } from 'vitest';
import { createLoginSteps } from './login-steps.ts';

describe('login step tokens', () => {
  let now = Date.parse('2026-12-02T13:30:00Z');
  const clock = { now: () => new Date(now) };
  const steps = createLoginSteps({ secret: 's'.repeat(32), clock });
  const staffId = '0193c0de-0000-7000-8000-000000000001';

  it('carries the staff id for five minutes, for its own kind of step only', () => {
    const token = steps.issue(staffId, 'totp');
    expect(steps.read(token, 'totp')).toBe(staffId);
    expect(() => steps.read(token, 'enrol')).toThrow(expect.objectContaining({ code: 'LOGIN_STEP_EXPIRED' }));
    now += 5 * 60_000;
    expect(() => steps.read(token, 'totp')).toThrow(expect.objectContaining({ code: 'LOGIN_STEP_EXPIRED' }));
  });

  it('refuses a token altered or signed with another secret', () => {
    const token = steps.issue(staffId, 'totp');
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(`totp.${staffId.replace('1', '2')}.${now + 60_000}`).toString('base64url');
    expect(() => steps.read(`${forged}.${mac}`, 'totp')).toThrow(
      expect.objectContaining({ code: 'LOGIN_STEP_EXPIRED' }),
    );
    const other = createLoginSteps({ secret: 'o'.repeat(32), clock });
    expect(() => other.read(`${payload}.${mac}`, 'totp')).toThrow(
      expect.objectContaining({ code: 'LOGIN_STEP_EXPIRED' }),
    );
    expect(() => steps.read('garbage', 'totp')).toThrow(expect.objectContaining({ code: 'LOGIN_STEP_EXPIRED' }));
  });
});
