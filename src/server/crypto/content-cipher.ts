// Message content is encrypted with a data key of its own conversation (AES-256-GCM); each data key is stored
// wrapped by the master key. Deleting a conversation's key row makes its messages unreadable for good, in
// the live database and in any copy of the messages (crypto-shredding). See docs/privacy.md.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Data keys unwrapped and kept in memory, so that a message does not cost a key lookup. */
const CACHE_LIMIT = 10_000;

export interface KeyStore {
  find(conversationId: string): Promise<Buffer | null>;
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

export function createContentCipher({ masterKey, keys }: { masterKey: Buffer; keys: KeyStore }) {
  const cache = new Map<string, Buffer>();

  function remember(conversationId: string, dataKey: Buffer): Buffer {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(conversationId, dataKey);
    return dataKey;
  }

  async function dataKeyOf(conversationId: string): Promise<Buffer> {
    const cached = cache.get(conversationId);
    if (cached) return cached;
    const wrapped = await keys.find(conversationId);
    if (!wrapped) throw new HavreError('CONTENT_DELETED', 'this conversation’s content has been deleted');
    return remember(conversationId, open(masterKey, wrapped, `key:${conversationId}`));
  }

  const messageContext = (conversationId: string, clientId: string) => `message:${conversationId}:${clientId}`;

  return {
    /** A new data key for a new conversation, wrapped for storage. */
    newKey(conversationId: string): Buffer {
      const dataKey = randomBytes(KEY_BYTES);
      remember(conversationId, dataKey);
      return seal(masterKey, dataKey, `key:${conversationId}`);
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
