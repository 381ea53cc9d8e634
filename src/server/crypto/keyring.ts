// The keyring: one wrapping key per UTC day ("epoch"), from a forward-only ratchet kept in a small file outside
// the database (DATA_DIR/keyring). The file holds the oldest epoch still alive and its key; each later epoch's
// key is derived from the one before (HMAC-SHA-256), so that a node can always go forward and never back.
// Retention moves the file forward in place once every conversation of the older epochs is destroyed: from then
// on neither the file nor anything derived from it can unwrap those epochs' data keys, wherever copies of the
// wrapped keys remain (dead rows, WAL, dumps, backups). Decision 0021.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { SettingsRepository } from '../storage/settings-repository.ts';

/** Where the checks against the database are kept: the settings table. */
type CheckStore = Pick<SettingsRepository, 'get' | 'put'>;

export const EPOCH_MS = 86_400_000;
const HEADER = 'havre keyring v1';
const EPOCH_DIGITS = 10;
/** Epochs derived ahead of the file's, kept in memory (a day each: far more than a node ever needs at once). */
const DERIVED_LIMIT = 400;

export class KeyringError extends Error {}

/** The UTC day an instant falls in. */
export const epochOf = (at: Date): number => Math.floor(at.getTime() / EPOCH_MS);

const next = (key: Buffer) => createHmac('sha256', key).update('havre keyring next epoch').digest();

/** Same length for every epoch, so that moving forward overwrites the previous key byte for byte. */
function encode(epoch: number, key: Buffer): Buffer {
  return Buffer.from(`${HEADER}\n${String(epoch).padStart(EPOCH_DIGITS, '0')}\n${key.toString('base64')}\n`);
}

function decode(text: string, file: string): { epoch: number; key: Buffer } {
  const [header, epoch, key] = text.split('\n');
  const decoded = Buffer.from(key ?? '', 'base64');
  if (header !== HEADER || !/^\d{10}$/.test(epoch ?? '') || decoded.length !== 32) {
    throw new KeyringError(`${file} is not a Havre keyring`);
  }
  return { epoch: Number(epoch), key: decoded };
}

export interface Keyring {
  /** The oldest epoch whose key still exists. */
  oldest(): number;
  /** The key of `epoch`, or null once it has been destroyed. */
  keyOf(epoch: number): Buffer | null;
  /** Destroys every epoch before `epoch`: the file is overwritten in place and synced. */
  advanceTo(epoch: number): void;
  /** A value that tells whether two nodes hold the same ring at `epoch`, without revealing its key. */
  check(epoch: number): string | null;
  /** Whether this start made the file (there was none). */
  created: boolean;
}

/** Opens DATA_DIR/keyring, or creates it starting at `today` (mode 600) when there is none. */
export function openKeyring(file: string, today: number): Keyring {
  const created = !existsSync(file);
  if (created) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, encode(today, randomBytes(32)), { mode: 0o600, flag: 'wx' });
  }
  let state = decode(readFileSync(file, 'utf8'), file);
  let derived = new Map<number, Buffer>([[state.epoch, state.key]]);

  function keyOf(epoch: number): Buffer | null {
    if (!Number.isInteger(epoch) || epoch < state.epoch) return null;
    const known = derived.get(epoch);
    if (known) return known;
    let at = Math.max(...[...derived.keys()].filter((e) => e < epoch));
    let key = derived.get(at) as Buffer;
    while (at < epoch) {
      key = next(key);
      at += 1;
    }
    if (derived.size >= DERIVED_LIMIT) derived.delete(Math.max(...derived.keys()));
    derived.set(epoch, key);
    return key;
  }

  /** Moves the state to `to`, and wipes from memory every key before it. */
  function forgetBefore(epoch: number, to: { epoch: number; key: Buffer }) {
    const kept = new Map<number, Buffer>([[to.epoch, to.key]]);
    for (const [at, key] of derived) {
      if (at > epoch) kept.set(at, key);
      else if (at < epoch) key.fill(0);
    }
    derived = kept;
    state = to;
  }

  return {
    created,
    oldest: () => state.epoch,
    keyOf,
    advanceTo(epoch: number): void {
      // Another process on this node (`havre retention run`) may have moved the file already.
      const onDisk = decode(readFileSync(file, 'utf8'), file);
      if (onDisk.epoch > state.epoch) forgetBefore(onDisk.epoch, onDisk);
      if (epoch <= state.epoch) return;
      const key = keyOf(epoch) as Buffer;
      const bytes = encode(epoch, key);
      const fd = openSync(file, 'r+');
      try {
        writeSync(fd, bytes, 0, bytes.length, 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      forgetBefore(epoch, { epoch, key });
    },
    check(epoch: number): string | null {
      const key = keyOf(epoch);
      return key ? createHmac('sha256', key).update('havre keyring check').digest('base64url') : null;
    },
  };
}

const sameCheck = (a: string | null, b: string) =>
  a !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

interface StoredCheck {
  epoch: number;
  check: string;
}

const CHECK_KEY = 'keyring_check';

/**
 * Several nodes share one database, each with its own copy of the keyring: the database keeps the check value
 * of the furthest epoch any node has reached. A node behind moves forward to it (the others have destroyed what
 * lies before); a node with another ring, or whose keyring file is missing while the database already has one,
 * refuses to start rather than wrap keys the others cannot unwrap.
 */
export async function ensureKeyringMatches(
  store: CheckStore,
  keyring: Keyring,
  file: string,
  now: Date,
): Promise<void> {
  const stored = (await store.get(CHECK_KEY)) as StoredCheck | undefined;
  if (stored && keyring.created) {
    // The fresh file made by this start must not stay: at the next start it would pass for the real one.
    rmSync(file, { force: true });
    throw new KeyringError(
      `${file} was missing, but this database's conversations are wrapped under a keyring: copy DATA_DIR/keyring ` +
        'from another node or restore it from your keyring backup (docs/privacy.md, "The master key, the keyring")',
    );
  }
  if (stored) {
    keyring.advanceTo(stored.epoch);
    if (keyring.oldest() === stored.epoch && !sameCheck(keyring.check(stored.epoch), stored.check)) {
      throw new KeyringError(`${file} is not the keyring this database's conversations are wrapped under`);
    }
  }
  await recordKeyringEpoch(store, keyring, now);
}

/** Tells the other nodes how far this ring has moved, when it is further than the database knew. */
export async function recordKeyringEpoch(store: CheckStore, keyring: Keyring, now: Date): Promise<void> {
  const stored = (await store.get(CHECK_KEY)) as StoredCheck | undefined;
  const epoch = keyring.oldest();
  if (stored && stored.epoch >= epoch) return;
  await store.put(CHECK_KEY, { epoch, check: keyring.check(epoch) }, now);
}
