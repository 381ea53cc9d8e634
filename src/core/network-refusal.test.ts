import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decayedWeight,
  MAX_NETWORK_REFUSAL_MS,
  networkRefusalMs,
  STRIKE_HALF_LIFE_MS,
  STRIKE_MEMORY_MS,
  strikeNetwork,
} from './network-refusal.ts';

const MINUTE = 60_000;

/** Blocks from one network at these times (ms from 0, sorted): the refusal each one sets. */
function refusals(times: number[]): number[] {
  let strikes = null;
  const out: number[] = [];
  for (const at of times) {
    const next = strikeNetwork(strikes, at);
    strikes = next.strikes;
    out.push(next.refuseMs);
  }
  return out;
}

describe('network refusal after blocks', () => {
  it('refuses no network after a first block, then briefly, then longer as blocks repeat', () => {
    expect(refusals([0, 1, 2, 3, 4, 5])).toEqual([
      0,
      10 * MINUTE,
      30 * MINUTE,
      60 * MINUTE,
      120 * MINUTE,
      120 * MINUTE,
    ]);
  });

  it('forgets: two blocks a day apart are two first blocks', () => {
    expect(refusals([0, STRIKE_MEMORY_MS])).toEqual([0, 0]);
    // Half a day apart, the first weighs too little to count.
    expect(refusals([0, 12 * 60 * MINUTE])).toEqual([0, 0]);
  });

  it('never refuses longer than the cap, and a first block never refuses the network', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(STRIKE_MEMORY_MS), { minLength: 1, maxLength: 40 }), (raw) => {
        const times = [...raw].sort((a, b) => a - b);
        const out = refusals(times);
        expect(out[0]).toBe(0);
        for (const ms of out) expect(ms).toBeGreaterThanOrEqual(0);
        for (const ms of out) expect(ms).toBeLessThanOrEqual(MAX_NETWORK_REFUSAL_MS);
      }),
    );
  });

  it('decays: the weight never grows with time and halves every half-life', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.nat(STRIKE_MEMORY_MS),
        fc.nat(STRIKE_MEMORY_MS),
        (weight, a, b) => {
          const strikes = { weight, at: 0 };
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(decayedWeight(strikes, late)).toBeLessThanOrEqual(decayedWeight(strikes, early) + 1e-9);
        },
      ),
    );
    expect(decayedWeight({ weight: 4, at: 0 }, STRIKE_HALF_LIFE_MS)).toBeCloseTo(2);
  });

  it('refuses at least as long for more blocks', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(networkRefusalMs(low)).toBeLessThanOrEqual(networkRefusalMs(high));
      }),
    );
  });
});
