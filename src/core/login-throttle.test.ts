import { describe, expect, it } from 'vitest';
import { createLoginThrottle, defaultThrottleRules } from './login-throttle.ts';

function aThrottle() {
  let time = 1_000_000;
  const throttle = createLoginThrottle({ now: () => time });
  return { throttle, advance: (ms: number) => (time += ms) };
}

const failTimes = (throttle: ReturnType<typeof aThrottle>['throttle'], n: number, account: string, network: string) => {
  for (let i = 0; i < n; i++) throttle.recordFailure(account, network);
};

describe('login throttle', () => {
  it('lets five failures through, then makes the same network wait longer after each', () => {
    const { throttle, advance } = aThrottle();
    failTimes(throttle, 5, 'alice', 'net-x');
    expect(throttle.check('alice', 'net-x')).toEqual({ allowed: true });
    throttle.recordFailure('alice', 'net-x');
    expect(throttle.check('alice', 'net-x')).toEqual({ allowed: false, retryAfterMs: 30_000 });
    advance(30_000);
    expect(throttle.check('alice', 'net-x')).toEqual({ allowed: true });
    throttle.recordFailure('alice', 'net-x');
    expect(throttle.check('alice', 'net-x')).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it('never slows the account’s owner on her own network because of failures elsewhere', () => {
    const { throttle } = aThrottle();
    throttle.recordSuccess('alice', 'net-home');
    // Many networks hammer Alice's account: the account counter fills, her network is trusted.
    for (let n = 0; n < 40; n++) failTimes(throttle, 3, 'alice', `net-${n}`);
    expect(throttle.check('alice', 'net-home')).toEqual({ allowed: true });
    expect(throttle.check('alice', 'net-new').allowed).toBe(false);
    expect(throttle.check('bob', 'net-0')).toEqual({ allowed: true });
  });

  it('does not slow another network for an account guessed at from one network', () => {
    const { throttle } = aThrottle();
    failTimes(throttle, 12, 'alice', 'net-x');
    expect(throttle.check('alice', 'net-x').allowed).toBe(false);
    expect(throttle.check('alice', 'net-y')).toEqual({ allowed: true });
  });

  it('slows a network that tries many accounts, for every account', () => {
    const { throttle } = aThrottle();
    for (let account = 0; account < 21; account++) throttle.recordFailure(`user-${account}`, 'net-x');
    expect(throttle.check('someone-else', 'net-x')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(throttle.check('someone-else', 'net-y')).toEqual({ allowed: true });
  });

  it('forgets old failures and clears the pair on success', () => {
    const { throttle, advance } = aThrottle();
    failTimes(throttle, 5, 'alice', 'net-x');
    advance(defaultThrottleRules.pair.forgetAfterMs);
    throttle.recordFailure('alice', 'net-x');
    expect(throttle.check('alice', 'net-x')).toEqual({ allowed: true });
    failTimes(throttle, 4, 'alice', 'net-x');
    throttle.recordSuccess('alice', 'net-x');
    throttle.recordFailure('alice', 'net-x');
    expect(throttle.check('alice', 'net-x')).toEqual({ allowed: true });
  });

  it('caps the wait', () => {
    const { throttle } = aThrottle();
    failTimes(throttle, 30, 'alice', 'net-x');
    const verdict = throttle.check('alice', 'net-x');
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.retryAfterMs).toBeLessThanOrEqual(defaultThrottleRules.network.maxMs);
  });
});
