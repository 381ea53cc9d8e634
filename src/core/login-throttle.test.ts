import { describe, expect, it } from 'vitest';
import { createLoginThrottle, defaultThrottleRules } from './login-throttle.ts';

function aThrottle() {
  let time = 1_000_000;
  const throttle = createLoginThrottle({ now: () => time });
  return { throttle, advance: (ms: number) => (time += ms) };
}

type Throttle = ReturnType<typeof aThrottle>['throttle'];

/** `n` attempts that all fail (an attempt counts as a failure until it is said to have succeeded). */
const failTimes = (throttle: Throttle, n: number, account: string, network: string) => {
  for (let i = 0; i < n; i++) throttle.attempt(account, network);
};

describe('login throttle', () => {
  it('lets five failures through, then makes the same network wait longer after each', () => {
    const { throttle, advance } = aThrottle();
    failTimes(throttle, 5, 'alice', 'net-x');
    expect(throttle.attempt('alice', 'net-x')).toEqual({ allowed: true });
    expect(throttle.attempt('alice', 'net-x')).toEqual({ allowed: false, retryAfterMs: 30_000 });
    advance(30_000);
    expect(throttle.attempt('alice', 'net-x')).toEqual({ allowed: true });
    expect(throttle.attempt('alice', 'net-x')).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it('counts attempts as they start: a burst sent at once is cut off after the free ones', () => {
    const { throttle } = aThrottle();
    const verdicts = Array.from({ length: 50 }, () => throttle.attempt('alice', 'net-x'));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(defaultThrottleRules.pair.free + 1);
  });

  it('never slows the account’s owner on her own device because of failures elsewhere', () => {
    const { throttle } = aThrottle();
    // Many networks hammer Alice's account: the account counter fills.
    for (let n = 0; n < 40; n++) failTimes(throttle, 3, 'alice', `net-${n}`);
    expect(throttle.attempt('alice', 'net-new').allowed).toBe(false);
    // Her browser has logged in to her account before: whatever network it is on, she gets in.
    expect(throttle.attempt('alice', 'net-home', true)).toEqual({ allowed: true });
    expect(throttle.attempt('alice', 'net-cafe', true)).toEqual({ allowed: true });
    expect(throttle.attempt('bob', 'net-0')).toEqual({ allowed: true });
  });

  it('never slows her own browser because of a burst of guesses from her network, at her or at anyone', () => {
    const { throttle } = aThrottle();
    // Behind a proxy Havre does not know of, every client is one network: a guesser there fills it all.
    for (let account = 0; account < 30; account++) throttle.attempt(`user-${account}`, 'net-office');
    failTimes(throttle, 12, 'alice', 'net-office');
    expect(throttle.attempt('alice', 'net-office').allowed).toBe(false);
    expect(throttle.attempt('alice', 'net-office', true)).toEqual({ allowed: true });
    throttle.succeeded('alice', 'net-office', true);
    // Her own browser mistyping is slowed on its own, like any other guesser, whatever network it is on.
    for (let i = 0; i <= defaultThrottleRules.device.free; i++) throttle.attempt('bob', 'net-home', true);
    expect(throttle.attempt('bob', 'net-cafe', true).allowed).toBe(false);
  });

  it('paces a guesser spread over many networks without ever locking the account', () => {
    const { throttle, advance } = aThrottle();
    const { account } = defaultThrottleRules;
    let network = 0;
    const guess = () => throttle.attempt('alice', `net-${network++}`);
    const allowed = Array.from({ length: 100 }, guess).filter((verdict) => verdict.allowed).length;
    expect(allowed).toBe(account.free + 1);
    // An hour of guessing from fresh networks: one try per pace, and the wait never grows past it.
    const waits: number[] = [];
    let tries = 0;
    for (let elapsed = 0; elapsed < 60 * 60_000; elapsed += 1_000) {
      const verdict = guess();
      if (verdict.allowed) tries += 1;
      else waits.push(verdict.retryAfterMs);
      advance(1_000);
    }
    expect(Math.max(...waits)).toBeLessThanOrEqual(account.maxMs);
    expect(tries).toBeLessThanOrEqual((60 * 60_000) / account.baseMs + 1);
    expect(tries).toBeGreaterThan(0);
  });

  it('does not slow another network for an account guessed at from one network', () => {
    const { throttle } = aThrottle();
    failTimes(throttle, 12, 'alice', 'net-x');
    expect(throttle.attempt('alice', 'net-x').allowed).toBe(false);
    expect(throttle.attempt('alice', 'net-y')).toEqual({ allowed: true });
  });

  it('slows a network that tries many accounts, for every account', () => {
    const { throttle } = aThrottle();
    for (let account = 0; account < 21; account++) throttle.attempt(`user-${account}`, 'net-x');
    expect(throttle.attempt('someone-else', 'net-x')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(throttle.attempt('someone-else', 'net-y')).toEqual({ allowed: true });
  });

  it('takes a successful attempt back: an office network where many log in is never slowed by it', () => {
    const { throttle } = aThrottle();
    for (let i = 0; i < 100; i++) {
      expect(throttle.attempt(`user-${i}`, 'net-office')).toEqual({ allowed: true });
      throttle.succeeded(`user-${i}`, 'net-office');
    }
    failTimes(throttle, 4, 'alice', 'net-office');
    throttle.attempt('alice', 'net-office');
    throttle.succeeded('alice', 'net-office');
    // Her pair's slate is clean again: five more failures before any wait.
    failTimes(throttle, 5, 'alice', 'net-office');
    expect(throttle.attempt('alice', 'net-office')).toEqual({ allowed: true });
  });

  it('forgets old failures', () => {
    const { throttle, advance } = aThrottle();
    failTimes(throttle, 5, 'alice', 'net-x');
    advance(defaultThrottleRules.pair.forgetAfterMs);
    failTimes(throttle, 5, 'alice', 'net-x');
    expect(throttle.attempt('alice', 'net-x')).toEqual({ allowed: true });
  });

  it('caps the wait', () => {
    const { throttle, advance } = aThrottle();
    const waits: number[] = [];
    for (let failures = 0; failures < 40; ) {
      const verdict = throttle.attempt('alice', 'net-x');
      if (verdict.allowed) failures += 1;
      else {
        waits.push(verdict.retryAfterMs);
        advance(verdict.retryAfterMs);
      }
    }
    expect(waits.length).toBeGreaterThan(10);
    expect(Math.max(...waits)).toBe(defaultThrottleRules.network.maxMs);
  });
});
