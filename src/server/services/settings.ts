// The association's settings (opening hours, closures, conversations per counselor), validated on the way
// in and on the way out, cached in memory because every admission and assignment reads them.
import { parsePayload, type Settings, settingsSchema } from '../../protocol/schemas.ts';
import type { Clock } from '../clock.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import { defaultSettings } from './default-settings.ts';

export { defaultSettings };

const KEY = 'general';
/** Other processes (the CLI, other nodes) may change the settings: re-read them this often. */
const CACHE_MS = 5_000;

export function createSettings({ repository, clock }: { repository: SettingsRepository; clock: Clock }) {
  let cached: { settings: Settings; at: number } | null = null;

  return {
    async current(): Promise<Settings> {
      const now = clock.now().getTime();
      if (cached && now - cached.at < CACHE_MS) return cached.settings;
      // Stored settings from an older version lack the newer fields: they take their defaults.
      const stored = await repository.get(KEY);
      const parsed = settingsSchema.safeParse({ ...defaultSettings, ...(typeof stored === 'object' ? stored : {}) });
      cached = { settings: parsed.success ? parsed.data : defaultSettings, at: now };
      return cached.settings;
    },

    async update(input: unknown): Promise<Settings> {
      const settings = parsePayload(settingsSchema, input);
      await repository.put(KEY, settings, clock.now());
      cached = { settings, at: clock.now().getTime() };
      return settings;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettings>;
