import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('rejects a malformed stored hash', async () => {
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });
});

describe('password rules with the vendored list', () => {
  it('knows the most common passwords, English and French, and names each refusal', () => {
    for (const common of ['password', 'azertyuiop', 'motdepasse', 'jetaime', 'doudou']) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    expect(isCommonPassword('lanterns over the harbour')).toBe(false);
    expect(() => assertAcceptablePassword('Motdepasse2024!', 'alice')).toThrow(
      expect.objectContaining({ code: 'PASSWORD_TOO_COMMON' }),
    );
    expect(() => assertAcceptablePassword('alice in a calm harbour', 'alice')).toThrow(
      expect.objectContaining({ code: 'PASSWORD_CONTAINS_USERNAME' }),
    );
    expect(() => assertAcceptablePassword('short', 'alice')).toThrow(
      expect.objectContaining({ code: 'PASSWORD_TOO_SHORT' }),
    );
    expect(() => assertAcceptablePassword('lanterns over the harbour', 'alice')).not.toThrow();
  });
});
