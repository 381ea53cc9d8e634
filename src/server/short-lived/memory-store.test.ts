import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.ts';

function aStore(maxEntries?: number) {
  let at = Date.UTC(2026, 11, 2, 13, 30);
  const clock = { now: () => new Date(at) };
  const store = createMemoryStore({ clock, ...(maxEntries ? { maxEntries } : {}) });
  return { store, advance: (ms: number) => (at += ms) };
}

describe('short-lived memory store', () => {
  it('lets a burst through a bucket, refuses the flood with the wait, and refills with time', async () => {
    const { store, advance } = aStore();
    const bucket = { capacity: 3, refillPerSecond: 1 };
    for (let i = 0; i < 3; i++) expect((await store.take('s', bucket)).allowed).toBe(true);
    expect(await store.take('s', bucket)).toEqual({ allowed: false, retryAfterMs: 1000 });
    advance(1000);
    expect(await store.take('s', bucket)).toEqual({ allowed: true, remaining: 0 });
    expect((await store.take('other', bucket)).allowed).toBe(true);
  });

  it('claims a key once until it expires', async () => {
    const { store, advance } = aStore();
    expect(await store.claim('salt', 1000)).toBe(true);
    expect(await store.claim('salt', 1000)).toBe(false);
    advance(1000);
    expect(await store.claim('salt', 1000)).toBe(true);
  });

  it('keeps gauges above zero and forgets them when they expire', async () => {
    const { store, advance } = aStore();
    expect(await store.add('g', 2, 5000)).toBe(2);
    expect(await store.add('g', -5, 5000)).toBe(0);
    expect(store.size()).toBe(0);
    await store.add('g', 1, 5000);
    advance(5000);
    expect(await store.count('g')).toBe(0);
  });

  it('keeps values until they expire, and can remove them', async () => {
    const { store, advance } = aStore();
    await store.put('k', 'v', 1000);
    expect(await store.read('k')).toBe('v');
    await store.remove('k');
    expect(await store.read('k')).toBeNull();
    await store.put('k', 'v', 1000);
    advance(1000);
    expect(await store.read('k')).toBeNull();
  });

  it('holds at most maxEntries, dropping the stalest first', async () => {
    const { store } = aStore(100);
    for (let i = 0; i < 1000; i++) await store.claim(`forged-${i}`, 60_000);
    expect(store.size()).toBe(100);
    expect(await store.claim('forged-999', 60_000)).toBe(false);
    expect(await store.claim('forged-0', 60_000)).toBe(true);
    store.close();
  });
});
