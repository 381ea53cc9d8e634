import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentCipher, open, seal, type WrappedKey } from './content-cipher.ts';
import { openKeyring } from './keyring.ts';
import { ensureMasterKeyMatches, MasterKeyError } from './master-key.ts';

const conversationId = '7f1e3a52-5d7b-4c39-9e0a-3f6c2b1d8e4a';
/** A UTC day, as the keyring counts them. */
const DAY = 20_000;

/** A master key, a fresh keyring on DAY, a key store, and the cipher as it is on a given day. */
function aCipherRig() {
  const masterKey = randomBytes(32);
  const keyring = openKeyring(join(mkdtempSync(join(tmpdir(), 'havre-ring-')), 'keyring'), DAY);
  const stored = new Map<string, WrappedKey>();
  const cipherOn = (day: number) =>
    createContentCipher({ masterKey, keyring, keys: { find: async (id) => stored.get(id) ?? null }, today: () => day });
  return { masterKey, keyring, stored, cipherOn };
}

describe('content cipher', () => {
  it('round-trips text and refuses a tampered or moved ciphertext', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('bonjour'), 'message:a:1');
    expect(open(key, sealed, 'message:a:1').toString()).toBe('bonjour');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(() => open(key, tampered, 'message:a:1')).toThrow();
    expect(() => open(key, sealed, 'message:a:2')).toThrow();
    expect(() => open(randomBytes(32), sealed, 'message:a:1')).toThrow();
  });

  it('wraps each conversation key with the master key and the day’s keyring key, and reads it back after a restart', async () => {
    const { masterKey, stored, cipherOn } = aCipherRig();
    const first = cipherOn(DAY);
    const wrapped = first.newKey(conversationId);
    expect(wrapped.epoch).toBe(DAY);
    stored.set(conversationId, wrapped);
    const sealed = await first.encrypt(conversationId, 'client-1', 'un message');
    expect(await cipherOn(DAY + 3).decrypt(conversationId, 'client-1', sealed)).toBe('un message');

    // The master key alone does not unwrap it.
    expect(() => open(masterKey, wrapped.wrapped, `key:${conversationId}`)).toThrow();
    expect(() => open(masterKey, wrapped.wrapped, `key:${conversationId}:${DAY}`)).toThrow();

    stored.delete(conversationId);
    await expect(cipherOn(DAY).decrypt(conversationId, 'client-1', sealed)).rejects.toMatchObject({
      code: 'CONTENT_DELETED',
    });
  });

  it('re-wraps a key under today, and then reads it once the keyring has moved past its first day', async () => {
    const { keyring, stored, cipherOn } = aCipherRig();
    const old = cipherOn(DAY).newKey(conversationId);
    stored.set(conversationId, old);
    const sealed = await cipherOn(DAY).encrypt(conversationId, 'client-1', 'encore là');
    stored.set(conversationId, cipherOn(DAY + 40).rewrap(conversationId, old));
    keyring.advanceTo(DAY + 30);
    expect(await cipherOn(DAY + 40).decrypt(conversationId, 'client-1', sealed)).toBe('encore là');
    // The old wrapping, as a dump taken before would hold it, is dead.
    stored.set(conversationId, old);
    await expect(cipherOn(DAY + 40).decrypt(conversationId, 'client-1', sealed)).rejects.toMatchObject({
      code: 'CONTENT_DELETED',
    });
  });

  it('still reads a key wrapped by the master key alone, from before the keyring', async () => {
    const { masterKey, keyring } = aCipherRig();
    const dataKey = randomBytes(32);
    const legacy = { wrapped: seal(masterKey, dataKey, `key:${conversationId}`), epoch: null };
    const sealed = seal(dataKey, Buffer.from('avant'), `message:${conversationId}:client-1`);
    const cipher = createContentCipher({ masterKey, keyring, keys: { find: async () => legacy }, today: () => DAY });
    expect(await cipher.decrypt(conversationId, 'client-1', sealed)).toBe('avant');
    expect(cipher.rewrap(conversationId, legacy).epoch).toBe(DAY);
  });
});

describe('master key check', () => {
  it('records the key on first use and refuses another one later', async () => {
    const values = new Map<string, unknown>();
    const store = {
      get: async (key: string) => values.get(key),
      put: async (key: string, value: unknown) => void values.set(key, value),
    };
    const key = randomBytes(32);
    await ensureMasterKeyMatches(store, key, new Date());
    await ensureMasterKeyMatches(store, key, new Date());
    await expect(ensureMasterKeyMatches(store, randomBytes(32), new Date())).rejects.toBeInstanceOf(MasterKeyError);
  });
});
