import { describe, expect, it } from 'vitest';
import { loadAlertPreferences, noAlerts, saveAlertPreferences } from './alert-preferences.ts';

function aStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('alert preferences', () => {
  it('are off until she turns them on, and kept per staff member', () => {
    const storage = aStorage();
    expect(loadAlertPreferences('camille', storage)).toEqual(noAlerts);
    saveAlertPreferences('camille', { sound: true, desktop: false }, storage);
    expect(loadAlertPreferences('camille', storage)).toEqual({ sound: true, desktop: false });
    expect(loadAlertPreferences('lea', storage)).toEqual(noAlerts);
  });

  it('read anything unexpected as off', () => {
    const storage = aStorage();
    storage.setItem('havre.console.alerts.camille', '{"sound":"yes","desktop":1}');
    expect(loadAlertPreferences('camille', storage)).toEqual(noAlerts);
    storage.setItem('havre.console.alerts.camille', 'not json');
    expect(loadAlertPreferences('camille', storage)).toEqual(noAlerts);
  });
});
