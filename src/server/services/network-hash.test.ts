import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../short-lived/memory-store.ts';
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

  it('hashes alike on every node sharing a store, this period and the next, and keeps no key past its use', async () => {
    const { clock, advance } = clockAt(Date.UTC(2026, 10, 26, 23, 59));
    const store = createMemoryStore({ clock });
    const shared = { store, name: 'visitors' };
    const [one, two] = [createNetworkHasher(clock, { shared }), createNetworkHasher(clock, { shared })];
    await one.start();
    await two.start();
    const taken = one.hash('198.51.100.1');
    expect(two.hash('198.51.100.1')).toBe(taken);
    // Past midnight, before either fetched again: both already hold the next period's key.
    advance(2 * 60_000);
    expect(two.hash('198.51.100.1')).toBe(one.hash('198.51.100.1'));
    expect(two.hash('198.51.100.1')).not.toBe(taken);
    expect(two.candidates('198.51.100.1')).toContain(taken);
    // Another store (another helpline, or a cluster with its own Redis) gives other keys.
    const stranger = createNetworkHasher(clock, { shared: { store: createMemoryStore({ clock }), name: 'visitors' } });
    await stranger.start();
    expect(stranger.hash('198.51.100.1')).not.toBe(one.hash('198.51.100.1'));
    // Two periods on, the first key is gone from the store too.
    advance(2 * 24 * hour);
    expect(await store.read(`network-key:visitors:${Math.floor(Date.UTC(2026, 10, 26) / (24 * hour))}`)).toBeNull();
    for (const hasher of [one, two, stranger]) hasher.stop();
    store.close();
  });

  it('believes only the forwarded addresses the trusted proxies added', () => {
    // The client wrote 192.0.2.66 herself; the one proxy in front added her real address, 198.51.100.9.
    const handshake = { address: '10.0.0.1', headers: { 'x-forwarded-for': '192.0.2.66, 198.51.100.9' } };
    expect(socketAddress(handshake, 0)).toBe('10.0.0.1');
    expect(socketAddress(handshake, 1)).toBe('198.51.100.9');
    expect(socketAddress(handshake, 2)).toBe('192.0.2.66');
    expect(socketAddress(handshake, 5)).toBe('192.0.2.66');
    expect(socketAddress({ address: '10.0.0.1', headers: {} }, 1)).toBe('10.0.0.1');
  });
});
