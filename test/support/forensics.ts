// What a forensic examiner does with a seized copy (a data folder, PostgreSQL's files and WAL, a dump) and the
// master key. She knows a conversation's id (its row outlives the purge) and, to be as strong as can be, the
// exact bytes of its wrapped data key and sealed texts as they were before the purge. She looks for those bytes
// in the copy, raw or as pg_dump writes bytea (hex), and tries every key she can get: the master key alone, and
// the master key with each day's key the keyring file on disk can still give (docs/decisions/0021). She counts
// the texts she can read.
import { createDecipheriv, hkdfSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyring } from '../../src/server/crypto/keyring.ts';

export interface Evidence {
  conversationId: string;
  wrappedKeys: { wrapped: Buffer; epoch: number | null }[];
  /** Sealed texts and what they were sealed with: `clientId` for a message, `staff-text:<id>` for a note. */
  sealed: { context: string; ciphertext: Buffer }[];
}

/** Every regular file below `path` (or `path` itself), read whole. */
export function filesBelow(path: string): Buffer[] {
  const stat = statSync(path);
  if (stat.isFile()) return [readFileSync(path)];
  if (!stat.isDirectory()) return [];
  return readdirSync(path).flatMap((name) => filesBelow(join(path, name)));
}

/** Whether the copy holds these bytes, raw or in pg_dump's hex. */
export function holds(copy: Buffer[], bytes: Buffer): boolean {
  const hex = Buffer.from(bytes.toString('hex'));
  return copy.some((file) => file.includes(bytes) || file.includes(hex));
}

function open(key: Buffer, sealed: Buffer, associatedData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The texts of `evidence` she reads from `copy` with the master key and the keyring file as found on disk. */
export function readableTexts(
  copy: Buffer[],
  evidence: Evidence,
  { masterKey, keyringFile, today }: { masterKey: Buffer; keyringFile: string; today: number },
): string[] {
  const { conversationId } = evidence;
  // Opened from a copy of the file, so that the examiner never writes to what she seized.
  const ring = existsSync(keyringFile) ? openKeyring(copyTo(keyringFile), today) : null;
  const candidates: { key: Buffer; aad: string }[] = [{ key: masterKey, aad: `key:${conversationId}` }];
  for (let epoch = ring?.oldest() ?? today + 1; epoch <= today; epoch += 1) {
    const ringKey = ring?.keyOf(epoch);
    if (!ringKey) continue;
    const key = Buffer.from(hkdfSync('sha256', Buffer.concat([masterKey, ringKey]), '', `havre wrapping ${epoch}`, 32));
    candidates.push({ key, aad: `key:${conversationId}:${epoch}` });
  }
  const dataKeys = evidence.wrappedKeys
    .filter(({ wrapped }) => holds(copy, wrapped))
    .flatMap(({ wrapped }) => candidates.map(({ key, aad }) => open(key, wrapped, aad)))
    .filter((key): key is Buffer => key !== null);
  return evidence.sealed
    .filter(({ ciphertext }) => holds(copy, ciphertext))
    .flatMap(({ context, ciphertext }) =>
      dataKeys.map((key) => open(key, ciphertext, `message:${conversationId}:${context}`)?.toString('utf8') ?? null),
    )
    .filter((text): text is string => text !== null);
}

function copyTo(file: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'havre-seized-')), 'keyring');
  copyFileSync(file, copy);
  return copy;
}
