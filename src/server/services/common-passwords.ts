// The list of common passwords a staff password is checked against, read once from the vendored files
// (see ./common-passwords/README.md for their source and licence).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(import.meta.dirname, 'common-passwords');

let loaded: Set<string> | null = null;

function commonPasswords(): Set<string> {
  loaded ??= new Set(
    ['zxcvbn-passwords.txt', 'french-passwords.txt'].flatMap((file) =>
      readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line.length > 0),
    ),
  );
  return loaded;
}

export const isCommonPassword = (candidate: string): boolean => commonPasswords().has(candidate);
