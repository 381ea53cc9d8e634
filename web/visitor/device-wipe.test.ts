import { describe, expect, it } from 'vitest';
import { wipeDevice } from './device-wipe.ts';

class FakeCaches {
  names = new Set(['havre-assets', 'other']);
  keys = async () => [...this.names];
  delete = async (name: string) => this.names.delete(name);
}

const aStorage = () => {
  const storage = {
    cleared: false,
    clear() {
      storage.cleared = true;
    },
  };
  return storage;
};

describe('wiping the device', () => {
  it('clears both storages at once and deletes every cache', async () => {
    const session = aStorage();
    const local = aStorage();
    const caches = new FakeCaches();
    const wiped = wipeDevice({ session, local, caches });
    expect([session.cleared, local.cleared]).toEqual([true, true]);
    await wiped;
    expect(caches.names.size).toBe(0);
  });

  it('goes on when a storage throws or Cache Storage is missing or fails', async () => {
    const local = aStorage();
    const throwing = {
      clear: () => {
        throw new Error('SecurityError');
      },
    };
    await expect(wipeDevice({ session: throwing, local })).resolves.toBeUndefined();
    expect(local.cleared).toBe(true);
    const broken = { keys: () => Promise.reject(new Error('no')), delete: async () => false };
    await expect(wipeDevice({ caches: broken })).resolves.toBeUndefined();
  });
});
