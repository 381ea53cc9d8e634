import { describe, expect, it } from 'vitest';
import { createNetworkHasher, socketAddress } from './network-hash.ts';

const hour = 60 * 60 * 1000;

function clockAt(start: number) {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
}

describe('network hash', () => {
  it('gives one network the same hash within a period and different networks different hashes', () => {
    const { clock } = clockAt(Date.UTC(2026, 10, 26, 10));
    const hasher = createNetworkHasher(clock);
    expect(hasher.hash('203.0.113.7')).toBe(hasher.hash('::ffff:203.0.113.7'));
    expect(hasher.hash('203.0.113.7')).not.toBe(hasher.hash('203.0.113.8'));
    expect(hasher.hash('203.0.113.7')).not.toContain('203');
  });

  it('counts an IPv6 client by its /64', () => {
    const { clock } = clockAt(Date.UTC(2026, 10, 26, 10));
    const hasher = createNetworkHasher(clock);
    expect(hasher.hash('2001:db8:1:2::1')).toBe(hasher.hash('2001:db8:1:2:aaaa::ffff'));
    expect(hasher.hash('2001:db8:1:2::1')).not.toBe(hasher.hash('2001:db8:1:3::1'));
  });

  it('still matches a hash taken just before the key changes for a full period, then forgets it', () => {
    const { clock, advance } = clockAt(Date.UTC(2026, 10, 26, 23, 59));
    const hasher = createNetworkHasher(clock);
    const taken = hasher.hash('198.51.100.1');
    advance(24 * hour);
    expect(hasher.candidates('198.51.100.1')).toContain(taken);
    expect(hasher.hash('198.51.100.1')).not.toBe(taken);
    advance(24 * hour);
    expect(hasher.candidates('198.51.100.1')).not.toContain(taken);
  });

  it('two servers (or a restart) never share a key', () => {
    const { clock } = clockAt(Date.UTC(2026, 10, 26, 10));
    expect(createNetworkHasher(clock).hash('192.0.2.1')).not.toBe(createNetworkHasher(clock).hash('192.0.2.1'));
  });

  it('reads the first forwarded address only behind a trusted proxy', () => {
    const handshake = { address: '10.0.0.1', headers: { 'x-forwarded-for': '192.0.2.9, 10.0.0.1' } };
    expect(socketAddress(handshake, false)).toBe('10.0.0.1');
    expect(socketAddress(handshake, true)).toBe('192.0.2.9');
  });
});
