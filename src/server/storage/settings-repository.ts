// Settings are small JSON documents under a key; admins edit them, the services read them through a cache.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from './schema.ts';

export function createSettingsRepository(db: Kysely<Database>) {
  return {
    async get(key: string): Promise<unknown> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },

    async put(key: string, value: unknown, now: Date): Promise<void> {
      const json = JSON.stringify(value);
      await db
        .insertInto('settings')
        .values({ key, value: json, updated_at: now })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: json, updated_at: now }))
        .execute();
    },

    async remove(key: string): Promise<void> {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

/** What a switch kept among the settings needs (intake mode, raid mode). */
export interface StoredSwitchDeps {
  repository: SettingsRepository;
  clock: Clock;
  /** Told after each switch, for the other nodes (decision 0029). */
  onChanged?: () => void;
}
