import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('client ids', () => {
  it('are v4 UUIDs', () => {
    expect(newClientId()).toMatch(uuidV4);
  });

  it('are still v4 UUIDs where randomUUID is missing (plain HTTP)', () => {
    const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(uuidV4);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID')).toEqual(original);
    expect(newClientId()).toMatch(uuidV4);
  });
});
