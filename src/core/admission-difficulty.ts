// How much admission work a new visitor's page must do, moved by how fast new conversations arrive compared
// with what is normal for this helpline. Pure: the server feeds it one tick at a time.
//
// The reasoning, after Tor's onion-service defence (torspec proposal 327):
// - At rest the work is small (`floor`): well under a second on a low-end phone, so a woman in crisis does not
//   notice it. A raid is not a long queue: demand above capacity is this helpline's normal state, so the queue's
//   length never moves the difficulty. What moves it is an abnormal *rate of admitted starts*: starts that paid
//   the current work, so that a script asking for challenges without solving them raises nothing.
// - Abnormal means above both an absolute floor (a few starts a minute is never a raid) and `surgeFactor` times
//   the baseline, a slow average of the rate. The baseline learns only while calm, so an attacker who ramps up
//   slowly does not drag it up with him (proposal 362 warns that the controller can be gamed).
// - While the surge lasts the search space doubles each tick, up to `cap` (a few seconds on a low-end phone);
//   once calm it falls to ⅔ each tick, back to the floor. Raid mode, switched by a supervisor, raises the floor.

export interface DifficultyRules {
  /** maxNumber at rest: the search space, whose half is the expected number of SHA-256 attempts. */
  floor: number;
  /** maxNumber floor while a supervisor has raid mode on. */
  raidFloor: number;
  cap: number;
  /** Admitted starts per minute below which nothing is abnormal, whatever the baseline. */
  minSurgePerMinute: number;
  surgeFactor: number;
  /** How fast the baseline learns, while calm. */
  baselineHalfLifeMs: number;
  /** Ticks over which the recent rate is measured (with 10 s ticks, 6 make the last minute). */
  window: number;
}

/** Published by ALTCHA: 100,000 SHA-256 attempts take 2.5 s on a Galaxy A14, a low-end phone. */
export const LOW_END_PHONE_ATTEMPTS_PER_SECOND = 40_000;
export const DIFFICULTY_TICK_MS = 10_000;

export const defaultDifficultyRules: DifficultyRules = {
  // 10,000: 5,000 attempts expected, ~0.13 s on the A14 (0.25 s at worst).
  floor: 10_000,
  // 50,000: ~0.6 s expected on the A14 (1.25 s at worst).
  raidFloor: 50_000,
  // 200,000: ~2.5 s expected on the A14 (5 s at worst); more would lose women in crisis on cheap phones.
  cap: 200_000,
  minSurgePerMinute: 20,
  surgeFactor: 4,
  baselineHalfLifeMs: 30 * 60_000,
  window: 6,
};

export type DifficultyReason = 'rest' | 'surge' | 'calming' | 'raid-floor';

export interface DifficultyState {
  maxNumber: number;
  /** Admitted starts of the last `window` ticks, newest last. */
  recent: number[];
  /** Slow average of admitted starts per minute, learnt while calm. */
  baselinePerMinute: number;
  /** Admitted starts per minute over the recent window (for the board; the surge is judged tick by tick). */
  ratePerMinute: number;
  surge: boolean;
  reason: DifficultyReason;
  /** When maxNumber last moved (ms since the epoch). */
  since: number;
}

export interface DifficultyTick {
  /** Starts admitted (work verified) since the last tick. */
  admitted: number;
  elapsedMs: number;
  raidMode: boolean;
  now: number;
}

export function restingDifficulty(now: number, rules: DifficultyRules = defaultDifficultyRules): DifficultyState {
  return {
    maxNumber: rules.floor,
    recent: [],
    baselinePerMinute: 0,
    ratePerMinute: 0,
    surge: false,
    reason: 'rest',
    since: now,
  };
}

export function nextDifficulty(
  state: DifficultyState,
  tick: DifficultyTick,
  rules: DifficultyRules = defaultDifficultyRules,
): DifficultyState {
  const recent = [...state.recent, tick.admitted].slice(-rules.window);
  // Shown to supervisors: the last minute, ticks not yet seen counting as none.
  const ratePerMinute = (recent.reduce((sum, n) => sum + n, 0) * 60_000) / (rules.window * tick.elapsedMs);
  // Moved by this tick alone: a raid is sustained, so it goes on doubling; one burst of genuine women at opening
  // time doubles it once, then it falls back.
  const tickPerMinute = (tick.admitted * 60_000) / tick.elapsedMs;
  const surge = tickPerMinute > Math.max(rules.minSurgePerMinute, rules.surgeFactor * state.baselinePerMinute);
  const learn = 1 - 0.5 ** (tick.elapsedMs / rules.baselineHalfLifeMs);
  const baselinePerMinute = surge
    ? state.baselinePerMinute
    : state.baselinePerMinute + learn * (tickPerMinute - state.baselinePerMinute);
  const floor = tick.raidMode ? Math.max(rules.floor, rules.raidFloor) : rules.floor;
  const cap = Math.max(rules.cap, floor);

  const maxNumber = surge
    ? Math.min(cap, Math.max(floor, state.maxNumber * 2))
    : Math.max(floor, Math.round((state.maxNumber * 2) / 3));
  const reason: DifficultyReason = surge
    ? 'surge'
    : maxNumber > floor
      ? 'calming'
      : tick.raidMode
        ? 'raid-floor'
        : 'rest';
  return {
    maxNumber,
    recent,
    baselinePerMinute,
    ratePerMinute,
    surge,
    reason,
    since: maxNumber !== state.maxNumber ? tick.now : state.since,
  };
}

/** Expected and worst seconds a low-end phone takes for a search space of `maxNumber`. */
export function lowEndPhoneSeconds(maxNumber: number): { expected: number; worst: number } {
  return {
    expected: maxNumber / 2 / LOW_END_PHONE_ATTEMPTS_PER_SECOND,
    worst: maxNumber / LOW_END_PHONE_ATTEMPTS_PER_SECOND,
  };
}
