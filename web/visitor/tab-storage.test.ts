import { describe, expect, it } from 'vitest';
import { tabStorage } from './tab-storage.ts';

describe('tab storage', () => {
  it('keeps to sessionStorage when the browser allows it', () => {
    const values = new Map<string, string>();
    const session = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
    const { storage, persistent } = tabStorage(() => session);
    expect(persistent).toBe(true);
    storage.setItem('token', 'abc');
    expect(values.get('token')).toBe('abc');
    expect(values.has('havre-storage-probe')).toBe(false);
  });

  it('falls back to memory when reading sessionStorage throws, or writing to it does', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const full = () => ({ getItem: () => null, setItem: blocked, removeItem: () => {} });
    for (const session of [blocked, full]) {
      const { storage, persistent } = tabStorage(session);
      expect(persistent).toBe(false);
      storage.setItem('token', 'abc');
      expect(storage.getItem('token')).toBe('abc');
      storage.removeItem('token');
      expect(storage.getItem('token')).toBeNull();
    }
  });
});
