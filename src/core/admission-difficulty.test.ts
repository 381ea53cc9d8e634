import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DifficultyState,
  lowEndPhoneSeconds,
  nextDifficulty,
  restingDifficulty,
  defaultDifficultyRules as rules,
} from './admission-difficulty.ts';

const TICK = 10_000;
const run = (state: DifficultyState, admitted: number[], raidMode = false) =>
  admitted.reduce(
    (current, n, i) => nextDifficulty(current, { admitted: n, elapsedMs: TICK, raidMode, now: (i + 1) * TICK }),
    state,
  );
const ticks = fc.array(fc.nat({ max: 500 }), { maxLength: 60 });

describe('admission difficulty', () => {
  it('stays at rest under a helpline’s normal demand, however long the queue', () => {
    // Two or three women a minute, all day: never abnormal.
    const day = Array.from({ length: 8640 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const state = run(restingDifficulty(0), day);
    expect(state.maxNumber).toBe(rules.floor);
    expect(state.reason).toBe('rest');
    expect(lowEndPhoneSeconds(state.maxNumber).worst).toBeLessThan(1);
  });

  it('rises under a surge, to the cap within a minute of 300 starts every 10 s', () => {
    const states = [restingDifficulty(0)];
    for (let i = 0; i < 6; i++) states.push(run(states.at(-1) as DifficultyState, [300]));
    expect(states.map((s) => s.maxNumber)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 200_000, 200_000]);
    expect(states.at(-1)?.surge).toBe(true);
    expect(states.at(-1)?.reason).toBe('surge');
    expect(lowEndPhoneSeconds(rules.cap).expected).toBeLessThanOrEqual(3);
  });

  it('is always within [floor, cap], and at or above the raid floor in raid mode', () => {
    fc.assert(
      fc.property(
        ticks,
        fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (before, after, raidMode) => {
          const state = run(run(restingDifficulty(0), before), after, raidMode);
          expect(state.maxNumber).toBeGreaterThanOrEqual(raidMode ? rules.raidFloor : rules.floor);
          expect(state.maxNumber).toBeLessThanOrEqual(rules.cap);
        },
      ),
    );
  });

  it('never falls during a surge tick, and never rises during a calm one', () => {
    fc.assert(
      fc.property(ticks, fc.nat({ max: 500 }), (history, admitted) => {
        const before = run(restingDifficulty(0), history);
        const after = nextDifficulty(before, { admitted, elapsedMs: TICK, raidMode: false, now: 1e9 });
        if (after.surge) expect(after.maxNumber).toBeGreaterThanOrEqual(before.maxNumber);
        else expect(after.maxNumber).toBeLessThanOrEqual(before.maxNumber);
      }),
    );
  });

  it('decays to the floor once the surge ends, by ⅔ a tick', () => {
    fc.assert(
      fc.property(ticks, (history) => {
        const surged = run(restingDifficulty(0), history);
        // ⅔ per tick: from the cap (×20 the floor) in at most 8 ticks, once the window holds no surge.
        const calm = run(surged, Array(rules.window + 8).fill(0));
        expect(calm.maxNumber).toBe(rules.floor);
        expect(calm.surge).toBe(false);
      }),
    );
    const calming = run(run(restingDifficulty(0), [300, 300, 300]), [0, 0]);
    expect(calming.reason).toBe('calming');
  });

  it('doubles once for a burst of women at opening time, then falls back', () => {
    const states = [run(restingDifficulty(0), [30])];
    for (let i = 0; i < 4; i++) states.push(run(states.at(-1) as DifficultyState, [1]));
    expect(states.map((s) => s.maxNumber)).toEqual([20_000, 13_333, 10_000, 10_000, 10_000]);
  });

  it('does not let a slow ramp drag the baseline up during a surge', () => {
    const surging = run(restingDifficulty(0), Array(60).fill(100));
    expect(surging.surge).toBe(true);
    expect(surging.baselinePerMinute).toBe(0);
  });

  it('raises the floor in raid mode, and says why', () => {
    const state = run(restingDifficulty(0), [0], true);
    expect(state.maxNumber).toBe(rules.raidFloor);
    expect(state.reason).toBe('raid-floor');
    expect(run(state, [0, 0, 0, 0, 0, 0], false).maxNumber).toBe(rules.floor);
  });
});
