// A counselor's choice of sound and desktop alerts, kept in this browser's localStorage under her staff id: it
// belongs to the staff device she works on (never a visitor's), and two colleagues sharing a desk computer each
// keep their own. Both are off until she turns them on.

export interface AlertPreferences {
  sound: boolean;
  desktop: boolean;
}

export const noAlerts: AlertPreferences = { sound: false, desktop: false };

const storageKey = (staffId: string) => `havre.console.alerts.${staffId}`;

export function loadAlertPreferences(staffId: string, storage: Storage = localStorage): AlertPreferences {
  try {
    const stored: unknown = JSON.parse(storage.getItem(storageKey(staffId)) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return noAlerts;
    const { sound, desktop } = stored as Record<string, unknown>;
    return { sound: sound === true, desktop: desktop === true };
  } catch {
    // Storage refused (private mode, quota) or a value from elsewhere: alerts stay off, as by default.
    return noAlerts;
  }
}

export function saveAlertPreferences(
  staffId: string,
  preferences: AlertPreferences,
  storage: Storage = localStorage,
): void {
  try {
    storage.setItem(storageKey(staffId), JSON.stringify(preferences));
  } catch {
    // Not kept past this page: the choice still applies until she reloads.
  }
}
