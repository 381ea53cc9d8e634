// Message content is encrypted with a data key of its own conversation (AES-256-GCM). Each data key is stored
// wrapped by a key made of the master key *and* the keyring's key for the day the conversation began
// (keyring.ts): once retention has moved the keyring past that day, no copy of the wrapped key (dead rows, WAL,
// a dump, a backup) can be unwrapped again, even with the master key (crypto-shredding, decision 0021).
// Keys wrapped before the keyring existed (no epoch) are unwrapped with the master key alone, until retention
// re-wraps them. See docs/privacy.md.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { Keyring } from './keyring.ts';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Data keys unwrapped and kept in memory, so that a message does not cost a key lookup. */
const CACHE_LIMIT = 10_000;

/** A data key as stored: sealed, and the keyring epoch it is sealed under (null: the master key alone). */
export interface WrappedKey {
  wrapped: Buffer;
  epoch: number | null;
}

export interface KeyStore {
  find(conversationId: string): Promise<WrappedKey | null>;
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), ciphertext]);
}

export function open(key: Buffer, sealed: Buffer, associatedData: string): Buffer {
  if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
}

interface CipherDeps {
  masterKey: Buffer;
  keyring: Keyring;
  keys: KeyStore;
  /** The keyring epoch new keys are wrapped under: today's. */
  today: () => number;
}

export function createContentCipher({ masterKey, keyring, keys, today }: CipherDeps) {
  const cache = new Map<string, Buffer>();

  function remember(conversationId: string, dataKey: Buffer): Buffer {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(conversationId, dataKey);
    return dataKey;
  }

  /** The key that wraps data keys of `epoch`; null once the keyring has moved past it. */
  function wrappingKey(epoch: number): Buffer | null {
    const ringKey = keyring.keyOf(epoch);
    if (!ringKey) return null;
    return Buffer.from(hkdfSync('sha256', Buffer.concat([masterKey, ringKey]), '', `havre wrapping ${epoch}`, 32));
  }

  function wrap(conversationId: string, dataKey: Buffer): WrappedKey {
    const epoch = today();
    const kek = wrappingKey(epoch);
    if (!kek) throw new HavreError('INTERNAL', 'the keyring has moved past today');
    return { wrapped: seal(kek, dataKey, `key:${conversationId}:${epoch}`), epoch };
  }

  function unwrap(conversationId: string, { wrapped, epoch }: WrappedKey): Buffer {
    if (epoch === null) return open(masterKey, wrapped, `key:${conversationId}`);
    const kek = wrappingKey(epoch);
    if (!kek) throw new HavreError('CONTENT_DELETED', 'this conversation’s content has been deleted');
    return open(kek, wrapped, `key:${conversationId}:${epoch}`);
  }

  async function dataKeyOf(conversationId: string): Promise<Buffer> {
    const cached = cache.get(conversationId);
    if (cached) return cached;
    const stored = await keys.find(conversationId);
    if (!stored) throw new HavreError('CONTENT_DELETED', 'this conversation’s content has been deleted');
    return remember(conversationId, unwrap(conversationId, stored));
  }

  const messageContext = (conversationId: string, clientId: string) => `message:${conversationId}:${clientId}`;

  return {
    /** A new data key for a new conversation, wrapped for storage under today's epoch. */
    newKey(conversationId: string): WrappedKey {
      const dataKey = randomBytes(KEY_BYTES);
      remember(conversationId, dataKey);
      return wrap(conversationId, dataKey);
    },

    /** The same data key wrapped again under today's epoch, so that the keyring may move past its old one. */
    rewrap(conversationId: string, stored: WrappedKey): WrappedKey {
      return wrap(conversationId, unwrap(conversationId, stored));
    },

    async encrypt(conversationId: string, clientId: string, text: string): Promise<Buffer> {
      return seal(await dataKeyOf(conversationId), Buffer.from(text, 'utf8'), messageContext(conversationId, clientId));
    },

    async decrypt(conversationId: string, clientId: string, sealed: Uint8Array): Promise<string> {
      const plain = open(
        await dataKeyOf(conversationId),
        Buffer.from(sealed),
        messageContext(conversationId, clientId),
      );
      return plain.toString('utf8');
    },

    /** Drops keys from memory once their rows are deleted. */
    forget(conversationIds: readonly string[]): void {
      for (const id of conversationIds) cache.delete(id);
    },
  };
}

export type ContentCipher = ReturnType<typeof createContentCipher>;
