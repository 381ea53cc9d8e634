// What makes a staff password acceptable: long enough, not a well-known password (even padded with digits or
// symbols, or repeated), and not built on the username. Pure: the list of common passwords is passed in.
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'too_short' | 'too_common' | 'contains_username';

/** Lower case, with accents folded (é → e), so that "Motdepassé2024" meets "motdepasse". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The password without what people usually pad a word with: digits and symbols at either end. */
function core(folded: string): string {
  return folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** "abcabcabcabc", "aaaaaaaaaaaa", "123412341234": one short unit repeated. */
function repeatedUnit(folded: string): string | null {
  for (let size = 1; size <= folded.length / 2; size++) {
    const unit = folded.slice(0, size);
    if (unit.repeat(Math.ceil(folded.length / size)).slice(0, folded.length) === folded) return unit;
  }
  return null;
}

export function passwordProblem(
  password: string,
  { username, isCommon }: { username: string; isCommon: (candidate: string) => boolean },
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const folded = fold(password);
  const name = fold(username);
  if (name.length >= 3 && folded.replace(/\s+/g, '').includes(name.replace(/\s+/g, ''))) return 'contains_username';
  const stripped = core(folded);
  const unit = repeatedUnit(folded);
  const candidates = [folded, folded.replace(/\s+/g, ''), stripped, stripped.replace(/\s+/g, '')];
  if (candidates.some((candidate) => candidate.length >= 4 && isCommon(candidate))) return 'too_common';
  if (unit !== null && (unit.length <= 4 || isCommon(unit))) return 'too_common';
  if (isRun(folded)) return 'too_common';
  return null;
}

/** A keyboard-free run that every list misses when long enough: "123456789012", "987654321098", "abcdefghijkl". */
function isRun(folded: string): boolean {
  const codes = [...folded].map((char) => char.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((code, index) => code - (codes[index] as number)));
  const wraps =
    [...steps].every((step) => step === 1 || step === -9) || [...steps].every((step) => step === -1 || step === 9);
  return /^[0-9]+$/.test(folded) ? wraps : steps.size === 1 && [...steps].every((step) => Math.abs(step) === 1);
}
