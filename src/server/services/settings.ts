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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Stored settings from an older version lack the newer fields: they take their defaults, one level down too
 * (a closing form stored before the reporting lists keeps its lists and gains the new ones).
 */
export function withDefaults(stored: unknown): Record<string, unknown> {
  if (!isRecord(stored)) return { ...defaultSettings };
  const merged: Record<string, unknown> = { ...defaultSettings, ...stored };
  for (const [key, fallback] of Object.entries(defaultSettings)) {
    const value = stored[key];
    if (isRecord(fallback) && isRecord(value)) merged[key] = { ...fallback, ...value };
  }
  return merged;
}

export function createSettings({ repository, clock }: { repository: SettingsRepository; clock: Clock }) {
  let cached: { settings: Settings; at: number } | null = null;
  /** One read at a time: while the database is slow, every caller waits on the same one. */
  let reading: Promise<Settings> | null = null;

  async function read(): Promise<Settings> {
    const parsed = settingsSchema.safeParse(withDefaults(await repository.get(KEY)));
    cached = { settings: parsed.success ? parsed.data : defaultSettings, at: clock.now().getTime() };
    return cached.settings;
  }

  const fresh = () => cached !== null && clock.now().getTime() - cached.at < CACHE_MS;

  const service = {
    async current(): Promise<Settings> {
      if (cached && fresh()) return cached.settings;
      reading ??= read().finally(() => {
        reading = null;
      });
      return reading;
    },

    /**
     * The settings last read, at once, never waiting on the database: what must answer while it is away (the
     * visitor page and its quick exit, its icon) uses these. A read in the background keeps them fresh.
     */
    lastKnown(): Settings {
      if (!fresh()) service.current().catch(() => {});
      return cached?.settings ?? defaultSettings;
    },

    /** Another node changed them: the next read goes to the database (lastKnown keeps answering meanwhile). */
    forget(): void {
      if (cached) cached = { ...cached, at: Number.NEGATIVE_INFINITY };
    },

    async update(input: unknown): Promise<Settings> {
      const settings = parsePayload(settingsSchema, input);
      await repository.put(KEY, settings, clock.now());
      cached = { settings, at: clock.now().getTime() };
      return settings;
    },
  };
  return service;
}

export type SettingsService = ReturnType<typeof createSettings>;
