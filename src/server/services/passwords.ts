// Staff password hashing with argon2id from node:crypto (OWASP: m = 19 MiB, t = 2, p = 1),
// stored as a standard PHC string so that parameters can be raised later without a migration; and the rules
// a new password must meet (src/core/password-rules.ts).
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../core/password-rules.ts';
import { HavreError } from '../../protocol/errors.ts';
import { isCommonPassword } from './common-passwords.ts';

const argon2Async = promisify(argon2);

const params = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 };

export async function hashPassword(password: string): Promise<string> {
  const nonce = randomBytes(16);
  const hash = await argon2Async('argon2id', { message: password, nonce, ...params });
  const encoded = `m=${params.memory},t=${params.passes},p=${params.parallelism}`;
  return `$argon2id$v=19$${encoded}$${b64(nonce)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!match) return false;
  const [, memory, passes, parallelism, nonce, expected] = match as unknown as string[];
  const expectedBytes = Buffer.from(expected ?? '', 'base64');
  const actual = await argon2Async('argon2id', {
    message: password,
    nonce: Buffer.from(nonce ?? '', 'base64'),
    memory: Number(memory),
    passes: Number(passes),
    parallelism: Number(parallelism),
    tagLength: expectedBytes.length,
  });
  return timingSafeEqual(actual, expectedBytes);
}

/** A hash to verify against when the username is unknown, so that timing does not reveal which names exist. */
export const decoyHash = hashPassword('decoy password that matches nothing');

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Refuses a password that is too short, well known or built on the username, with a stable code for each. */
export function assertAcceptablePassword(password: string, username: string): void {
  const problem = passwordProblem(password, { username, isCommon: isCommonPassword });
  if (problem === 'too_short') {
    throw new HavreError('PASSWORD_TOO_SHORT', `a password holds at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (problem === 'too_common') throw new HavreError('PASSWORD_TOO_COMMON', 'this password is too common');
  if (problem === 'contains_username') {
    throw new HavreError('PASSWORD_CONTAINS_USERNAME', 'a password may not contain the username');
  }
}
