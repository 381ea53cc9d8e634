import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContentCipher, open, seal } from './content-cipher.ts';
import { ensureMasterKeyMatches, MasterKeyError } from './master-key.ts';

const conversationId = '7f1e3a52-5d7b-4c39-9e0a-3f6c2b1d8e4a';

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

  it('wraps each conversation key with the master key and reads it back after a restart', async () => {
    const masterKey = randomBytes(32);
    const stored = new Map<string, Buffer>();
    const first = createContentCipher({ masterKey, keys: { find: async (id) => stored.get(id) ?? null } });
    stored.set(conversationId, first.newKey(conversationId));
    const sealed = await first.encrypt(conversationId, 'client-1', 'un message');
    const afterRestart = createContentCipher({ masterKey, keys: { find: async (id) => stored.get(id) ?? null } });
    expect(await afterRestart.decrypt(conversationId, 'client-1', sealed)).toBe('un message');
    stored.delete(conversationId);
    const afterPurge = createContentCipher({ masterKey, keys: { find: async (id) => stored.get(id) ?? null } });
    await expect(afterPurge.decrypt(conversationId, 'client-1', sealed)).rejects.toMatchObject({
      code: 'CONTENT_DELETED',
    });
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
