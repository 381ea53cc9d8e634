import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureKeyringMatches, KeyringError, openKeyring, recordKeyringEpoch } from './keyring.ts';

const DAY = 20_000;
const aFile = () => join(mkdtempSync(join(tmpdir(), 'havre-ring-')), 'keyring');

function aStore() {
  const values = new Map<string, unknown>();
  return {
    get: async (key: string) => values.get(key),
    put: async (key: string, value: unknown) => void values.set(key, value),
  };
}

describe('keyring', () => {
  it('is created once, mode 600, and gives the same keys after a restart', () => {
    const file = aFile();
    const first = openKeyring(file, DAY);
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = openKeyring(file, DAY + 5);
    expect(again.created).toBe(false);
    expect(again.oldest()).toBe(DAY);
    expect(again.keyOf(DAY + 7)).toEqual(first.keyOf(DAY + 7));
  });

  it('forgets every day before the one it moves to, on disk in place, and cannot go back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (ahead, probe) => {
        const file = aFile();
        const ring = openKeyring(file, DAY);
        const keys = Array.from({ length: 121 }, (_, i) => Buffer.from(ring.keyOf(DAY + i) as Buffer));
        const sizeBefore = statSync(file).size;
        ring.advanceTo(DAY + ahead);
        expect(statSync(file).size).toBe(sizeBefore);
        const reopened = openKeyring(file, DAY + ahead);
        for (const r of [ring, reopened]) {
          expect(r.oldest()).toBe(DAY + ahead);
          expect(r.keyOf(DAY + ahead - 1)).toBeNull();
          // What remains gives exactly the later keys, never an earlier one.
          expect(r.keyOf(DAY + ahead + probe)).toEqual(keys[ahead + probe]);
        }
        const onDisk = readFileSync(file);
        for (let i = 0; i < ahead; i += 1) expect(onDisk.includes(keys[i]?.toString('base64') ?? '')).toBe(false);
        ring.advanceTo(DAY);
        expect(ring.oldest()).toBe(DAY + ahead);
      }),
      { numRuns: 25 },
    );
  });

  it('follows a move another process made to the file', () => {
    const file = aFile();
    const server = openKeyring(file, DAY);
    openKeyring(file, DAY).advanceTo(DAY + 10);
    server.advanceTo(DAY + 2);
    expect(server.oldest()).toBe(DAY + 10);
    expect(server.keyOf(DAY + 5)).toBeNull();
  });

  it('refuses a file that is not a keyring', () => {
    const file = aFile();
    writeFileSync(file, 'hello\n');
    expect(() => openKeyring(file, DAY)).toThrow(KeyringError);
  });
});

describe('keyring check across nodes', () => {
  it('moves a node that is behind, and refuses another ring or a missing file', async () => {
    const store = aStore();
    const file = aFile();
    const first = openKeyring(file, DAY);
    await ensureKeyringMatches(store, first, file, new Date());
    // A second node with a copy of the file, made before the first moved on.
    const copy = aFile();
    writeFileSync(copy, readFileSync(file));
    first.advanceTo(DAY + 3);
    await recordKeyringEpoch(store, first, new Date());
    const second = openKeyring(copy, DAY);
    await ensureKeyringMatches(store, second, copy, new Date());
    expect(second.oldest()).toBe(DAY + 3);
    expect(second.keyOf(DAY + 4)).toEqual(first.keyOf(DAY + 4));

    // A node whose keyring file is gone, and a node with a ring of its own.
    const missing = aFile();
    const other = openKeyring(missing, DAY + 3);
    await expect(ensureKeyringMatches(store, other, missing, new Date())).rejects.toThrow(/was missing/);
    // Refused again at the next start: the file that refused start made is not left to pass for the real one.
    await expect(ensureKeyringMatches(store, openKeyring(missing, DAY + 5), missing, new Date())).rejects.toThrow(
      /was missing/,
    );
    const foreign = aFile();
    openKeyring(foreign, DAY + 3);
    await expect(ensureKeyringMatches(store, openKeyring(foreign, DAY + 3), foreign, new Date())).rejects.toThrow(
      /not the keyring/,
    );
  });
});
