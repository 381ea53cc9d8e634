// Where this tab keeps its conversation token: sessionStorage when the browser allows it, else memory. With
// cookies and site data blocked (common safety advice), or in some frames, merely reading `sessionStorage`
// throws; the chat must work all the same, and resume only while the page lives (the page says so).
export type TabStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface TabStorage {
  storage: TabStore;
  /** False when the browser refused: a reload or a closed tab then ends the way back to the conversation. */
  persistent: boolean;
}

const PROBE = 'havre-storage-probe';

function memoryStore(): TabStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, String(value)),
    removeItem: (key) => void values.delete(key),
  };
}

export function tabStorage(session: () => TabStore = () => window.sessionStorage): TabStorage {
  try {
    const storage = session();
    storage.setItem(PROBE, '1');
    storage.removeItem(PROBE);
    return { storage, persistent: true };
  } catch {
    return { storage: memoryStore(), persistent: false };
  }
}

/** The language she chose, for this tab only (a reload or a resume keeps it; quick exit wipes it). */
const LOCALE_KEY = 'havre.locale';

export function savedLocale(storage: TabStore): 'fr' | 'en' {
  return storage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'fr';
}

export function saveLocale(storage: TabStore, locale: 'fr' | 'en'): void {
  storage.setItem(LOCALE_KEY, locale);
}
