import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, stepAt, totpAt } from './totp.ts';

// RFC 6238 appendix B: the seeds are "12345678901234567890" repeated to the hash's key length, eight digits.
const seeds = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const vectors: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512', () => {
    for (const [seconds, sha1, sha256, sha512] of vectors) {
      expect(totpAt(seeds.sha1, seconds * 1000, 8, 'sha1')).toBe(sha1);
      expect(totpAt(seeds.sha256, seconds * 1000, 8, 'sha256')).toBe(sha256);
      expect(totpAt(seeds.sha512, seconds * 1000, 8, 'sha512')).toBe(sha512);
    }
  });

  it('matches the RFC 4226 HOTP values with six digits', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expected.forEach((code, counter) => {
      expect(hotp(seeds.sha1, counter)).toBe(code);
    });
  });

  it('accepts the code of the step before, now and after, and nothing further', () => {
    const now = 1_800_000_000_000;
    const step = stepAt(now);
    expect(matchingStep(seeds.sha1, hotp(seeds.sha1, step), now)).toBe(step);
    expect(matchingStep(seeds.sha1, hotp(seeds.sha1, step - 1), now)).toBe(step - 1);
    expect(matchingStep(seeds.sha1, hotp(seeds.sha1, step + 1), now)).toBe(step + 1);
    expect(matchingStep(seeds.sha1, hotp(seeds.sha1, step - 2), now)).toBeNull();
    expect(matchingStep(seeds.sha1, hotp(seeds.sha1, step + 2), now)).toBeNull();
    expect(matchingStep(seeds.sha1, '12345', now)).toBeNull();
    expect(matchingStep(seeds.sha1, 'abcdef', now)).toBeNull();
  });

  it('writes and reads base32 (RFC 4648) and the otpauth address apps read', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(seeds.sha1))).toEqual(seeds.sha1);
    expect(otpauthUri(seeds.sha1, 'alice', 'Havre')).toBe(
      'otpauth://totp/Havre%3Aalice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Havre&algorithm=SHA1&digits=6&period=30',
    );
  });
});
