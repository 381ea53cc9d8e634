import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.ts';

function aStore(maxEntries?: number) {
  let at = Date.UTC(2026, 11, 2, 13, 30);
  const clock = { now: () => new Date(at) };
  const store = createMemoryStore({ clock, ...(maxEntries ? { maxEntries } : {}) });
  return { store, advance: (ms: number) => (at += ms) };
}

// The contract both stores hold is in store-contract.test.ts; the memory store's own bound is here.
describe('short-lived memory store', () => {
  it('holds at most maxEntries, dropping the stalest first', async () => {
    const { store } = aStore(100);
    for (let i = 0; i < 1000; i++) await store.claim(`forged-${i}`, 60_000);
    expect(store.size()).toBe(100);
    expect(await store.claim('forged-999', 60_000)).toBe(false);
    expect(await store.claim('forged-0', 60_000)).toBe(true);
    store.close();
  });
});
