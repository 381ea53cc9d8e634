// The master key wraps every conversation's data key. It comes from HAVRE_MASTER_KEY (base64, 32 bytes) or
// from DATA_DIR/master.key, created on first start with mode 600. Lose it and all stored content is
// unreadable: back it up apart from the database (docs/privacy.md).
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsRepository } from '../storage/settings-repository.ts';

/** Where the checks against the database are kept: the settings table. */
type CheckStore = Pick<SettingsRepository, 'get' | 'put'>;

export class MasterKeyError extends Error {}

export function loadOrCreateMasterKey(configured: string | null, dataDir: string): Buffer {
  if (configured) return decode(configured, 'HAVRE_MASTER_KEY');
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return decode(readFileSync(file, 'utf8').trim(), file);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** A value that tells whether a key is the one the database was written with, without revealing it. */
export function masterKeyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('havre master key check v1').digest('base64url');
}

function decode(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new MasterKeyError(`${source} must hold 32 bytes in base64 (44 characters)`);
  return key;
}

/**
 * Refuses to run with a master key other than the one the database was written with: a lost or replaced
 * key would otherwise surface only later, as conversations that cannot be read.
 */
export async function ensureMasterKeyMatches(store: CheckStore, masterKey: Buffer, now: Date): Promise<void> {
  const expected = await store.get('master_key_check');
  const actual = masterKeyCheck(masterKey);
  if (expected === undefined) return store.put('master_key_check', actual, now);
  if (expected !== actual) {
    throw new MasterKeyError(
      'the master key (HAVRE_MASTER_KEY or DATA_DIR/master.key) is not the one this database was written with; ' +
        'restore the original key: without it the stored conversations cannot be read',
    );
  }
}
