import { describe, expect, it } from 'vitest';
import { forecast, type PlanInputs, simulateWeek, spendBudget, withAddedHours } from './planner.ts';

// The association's week: Mon and Tue 15:00–17:00, Wed 14:00–18:00; six women an hour ask, one counselor
// holds two conversations at once, a conversation lasts 30 minutes, patience 20 minutes.
const hours = [
  ...[0, 1].flatMap((weekday) => [15, 16].map((hour) => ({ weekday, hour }))),
  ...[14, 15, 16, 17].map((hour) => ({ weekday: 2, hour })),
];
const inputs: PlanInputs = {
  slots: hours.map((slot) => ({ ...slot, arrivalsPerHour: 6, counselors: 1 })),
  handleMinutes: 30,
  concurrency: 2,
  patienceMinutes: 20,
  hourCost: 30,
  weeksPerYear: 46,
};

describe('the capacity planner', () => {
  it('forecasts the week, and says when Erlang C has no answer', () => {
    const week = forecast(inputs);
    expect(week.requestsPerWeek).toBe(48);
    expect(week.counselorHoursPerWeek).toBe(8);
    // Three conversations' worth of demand for two places: far from all answered, and Erlang C gives up.
    expect(week.answeredShare).toBeGreaterThan(0.3);
    expect(week.answeredShare).toBeLessThan(0.7);
    expect(week.slots.every((slot) => slot.overloaded && slot.erlangCWaitMinutes === null)).toBe(true);
    // Nobody can be answered faster than two places allow: about 4 an hour at most.
    expect(week.answeredPerWeek).toBeLessThanOrEqual(8 * 4);
  });

  it('answers more with more hours, less each time (diminishing returns)', () => {
    const gain = (extra: number) =>
      forecast(withAddedHours(inputs, 2, 14, extra)).answeredPerWeek - forecast(inputs).answeredPerWeek;
    expect(gain(1)).toBeGreaterThan(0);
    expect(gain(2)).toBeGreaterThan(gain(1));
    expect(gain(2) - gain(1)).toBeLessThan(gain(1));
  });

  it('spends a budget one hour at a time where it answers the most', () => {
    // 14,000 € a year at 30 € an hour over 46 weeks: 10 more counselor-hours a week.
    const plan = spendBudget(inputs, 14_000);
    expect(plan.hoursPerWeek).toBe(10);
    expect(plan.added.reduce((sum, slot) => sum + slot.hours, 0)).toBe(10);
    expect(plan.morePerWeek).toBeGreaterThan(0);
    expect(plan.morePerYear).toBeCloseTo(plan.morePerWeek * 46, 6);
    // Every slot is alike here: the hours spread over them rather than pile up in one.
    expect(Math.max(...plan.added.map((slot) => slot.hours))).toBeLessThanOrEqual(2);
    expect(spendBudget(inputs, 0)).toMatchObject({ hoursPerWeek: 0, morePerWeek: 0, added: [] });
  });

  it('agrees with the simulation of the sessions, closing time included, within a few women a week', () => {
    const simulated = simulateWeek(inputs, { runs: 300 });
    const forecasted = forecast(inputs).answeredPerWeek;
    expect(Math.abs(simulated - forecasted) / forecasted).toBeLessThan(0.2);
  });
});

describe('the planner with fractions of a counselor', () => {
  it('simulates a fifth of a counselor as one in a fifth of the weeks, near the forecast', () => {
    const fifth = { ...inputs, slots: inputs.slots.map((slot) => ({ ...slot, counselors: 0.2 })) };
    const simulated = simulateWeek(fifth, { runs: 400 });
    const forecasted = forecast(fifth).answeredPerWeek;
    expect(simulated).toBeGreaterThan(0);
    expect(Math.abs(simulated - forecasted) / forecasted).toBeLessThan(0.35);
  });

  it('says nothing of an hour nobody asks for', () => {
    const quiet = forecast({ ...inputs, slots: [{ weekday: 0, hour: 9, arrivalsPerHour: 0, counselors: 0 }] });
    expect(quiet.slots[0]).toMatchObject({ overloaded: false, erlangCWaitMinutes: 0, answeredPerWeek: 0 });
  });

  it('mixes whole counselors, not whole conversations: 1.5 counselors holding 2 each are 2 or 4 places', () => {
    const slot = { weekday: 2, hour: 14, arrivalsPerHour: 6 };
    const at = (counselors: number) =>
      forecast({ ...inputs, slots: [{ ...slot, counselors }] }).slots[0]?.answeredShare ?? 0;
    expect(at(1.5)).toBeCloseTo((at(1) + at(2)) / 2, 10);
  });

  it('spends nothing at no cost, and at most a bounded number of hours', () => {
    expect(spendBudget({ ...inputs, hourCost: 0 }, 14_000).hoursPerWeek).toBe(0);
    expect(spendBudget({ ...inputs, hourCost: 1 }, 1e12).hoursPerWeek).toBe(500);
  });
});
