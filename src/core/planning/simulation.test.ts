import { describe, expect, it } from 'vitest';
import { erlangA } from './erlang.ts';
import { simulateSession } from './simulation.ts';

describe('the session simulation', () => {
  it('agrees with Erlang A over a long steady run', () => {
    // pyworkforce's vector, simulated for 1,000 hours: about 200,000 arrivals.
    const run = simulateSession({
      slots: [{ minutes: 60_000, arrivalRate: 100 / 30, servers: 14 }],
      handleTime: 3,
      patience: 5,
      servePastClosing: 0,
      seed: 7,
    });
    const model = erlangA({ arrivalRate: 100 / 30, handleTime: 3, servers: 14, patience: 5 });
    expect(run.arrivals).toBeGreaterThan(190_000);
    expect(run.abandoned / run.arrivals).toBeCloseTo(model.probabilityOfAbandon, 2);
    expect(run.waits.filter((wait) => wait > 0).length / run.arrivals).toBeCloseTo(model.probabilityOfWait, 1);
    expect(run.busyMinutes / (60_000 * 14)).toBeCloseTo(model.occupancy, 2);
  });

  it('turns away at closing those still waiting, once the minutes granted have passed', () => {
    const session = (servePastClosing: number) =>
      simulateSession({
        slots: [{ minutes: 120, arrivalRate: 1, servers: 2 }],
        handleTime: 30,
        patience: 60,
        servePastClosing,
        seed: 3,
      });
    const strict = session(0);
    expect(strict.answered + strict.abandoned + strict.turnedAway).toBe(strict.arrivals);
    expect(strict.turnedAway).toBeGreaterThan(0);
    const lenient = session(30);
    expect(lenient.arrivals).toBe(strict.arrivals);
    expect(lenient.answered).toBeGreaterThanOrEqual(strict.answered);
    expect(lenient.answered + lenient.abandoned + lenient.turnedAway).toBe(lenient.arrivals);
  });

  it('follows the counselors on duty slot by slot, and gives the same figures for the same seed', () => {
    const input = {
      slots: [
        { minutes: 60, arrivalRate: 0.5, servers: 0 },
        { minutes: 60, arrivalRate: 0.5, servers: 4 },
      ],
      handleTime: 30,
      patience: Number.POSITIVE_INFINITY,
      servePastClosing: 0,
      seed: 11,
    };
    const run = simulateSession(input);
    expect(run.abandoned).toBe(0);
    // Those of the first hour all wait for the second: the first four answered waited until minute 60.
    expect(run.answered).toBeGreaterThan(4);
    expect(run.waits.slice(0, 4).every((wait) => wait > 0)).toBe(true);
    const nobody = simulateSession({ ...input, slots: input.slots.map((slot) => ({ ...slot, servers: 0 })) });
    expect(nobody).toMatchObject({ answered: 0, turnedAway: nobody.arrivals });
    expect(simulateSession(input)).toEqual(run);
    expect(simulateSession({ ...input, seed: 12 })).not.toEqual(run);
  });
});
