import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.ts';

const common = new Set(['password', 'motdepasse', 'soleil', 'azertyuiop', 'qwerty123456', 'letmein']);
const check = (password: string, username = 'alice') =>
  passwordProblem(password, { username, isCommon: (candidate) => common.has(candidate) });

describe('password rules', () => {
  it('asks for twelve characters, counting letters rather than bytes', () => {
    expect(check('short pass')).toBe('too_short');
    expect(check('ééééééééééé')).toBe('too_short');
    expect(check('a calm harbour at dawn')).toBeNull();
  });

  it('refuses a common password, even padded, spaced, accented or in capitals', () => {
    expect(check('qwerty123456')).toBe('too_common');
    expect(check('Password2024!')).toBe('too_common');
    expect(check('!!MotDePassé!!')).toBe('too_common');
    expect(check('mot de passe 1')).toBe('too_common');
    expect(check('123soleil2024')).toBe('too_common');
  });

  it('refuses a short unit repeated, and plain runs of digits or letters', () => {
    expect(check('aaaaaaaaaaaa')).toBe('too_common');
    expect(check('abcabcabcabc')).toBe('too_common');
    expect(check('letmeinletmein')).toBe('too_common');
    expect(check('123456789012')).toBe('too_common');
    expect(check('987654321098')).toBe('too_common');
    expect(check('abcdefghijklm')).toBe('too_common');
  });

  it('refuses a password built on the username', () => {
    expect(check('alice is my name 2024')).toBe('contains_username');
    expect(check('ALICE-summer-garden', 'alice')).toBe('contains_username');
    expect(check('marie.dupont garden 7', 'marie.dupont')).toBe('contains_username');
  });

  it('accepts a passphrase that only contains a common word among others', () => {
    expect(check('soleil sur la mer du nord')).toBeNull();
    expect(check('7 tulipes bleues au marché')).toBeNull();
    expect(check('x9$kQ2!pLm4#')).toBeNull();
  });
});
