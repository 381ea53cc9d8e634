// Wipes everything Havre may have left in this browser tab: both Web Storage areas and every Cache Storage
// cache. Used by quick exit and by "Erase this conversation from this device". Each step is guarded: a
// storage that throws (privacy modes) or a Cache Storage that does not exist (plain http) never stops the rest.

export interface DeviceStores {
  session?: Pick<Storage, 'clear'> | undefined;
  local?: Pick<Storage, 'clear'> | undefined;
  caches?: Pick<CacheStorage, 'keys' | 'delete'> | undefined;
}

/** Reading `window.localStorage` itself can throw when storage is blocked. */
function read<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export function browserStores(): DeviceStores {
  return {
    session: read(() => window.sessionStorage),
    local: read(() => window.localStorage),
    // Only in secure contexts: `caches` is not even defined on a plain-http page.
    caches: read(() => ('caches' in globalThis ? globalThis.caches : undefined)),
  };
}

/** Clears the two storages at once (synchronously), then resolves when every cache is deleted, or failed to. */
export function wipeDevice(stores: DeviceStores = browserStores()): Promise<void> {
  for (const storage of [stores.session, stores.local]) {
    try {
      storage?.clear();
    } catch {
      // nothing more can be done for this one; go on with the others
    }
  }
  const caches = stores.caches;
  if (!caches) return Promise.resolve();
  return caches
    .keys()
    .then((keys) => Promise.all(keys.map((key) => caches.delete(key))))
    .then(
      () => undefined,
      () => undefined,
    );
}
