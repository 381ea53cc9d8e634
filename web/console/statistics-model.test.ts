import { describe, expect, it } from 'vitest';
import { statisticsView } from '../../src/core/statistics-view.ts';
import type { StatisticsResponse } from '../../src/protocol/statistics-schema.ts';
import { defaultClosingForm, defaultSettings } from '../../src/server/services/default-settings.ts';
import {
  bucketLabels,
  formatCount,
  formatDay,
  lastDays,
  measuredPlanInputs,
  openHours,
  slotName,
} from './statistics-model.ts';

describe('the statistics page’s arithmetic', () => {
  it('lists the opening hours of the week', () => {
    expect(openHours(defaultSettings.schedule)).toEqual([
      { weekday: 0, hour: 15 },
      { weekday: 0, hour: 16 },
      { weekday: 1, hour: 15 },
      { weekday: 1, hour: 16 },
      { weekday: 2, hour: 14 },
      { weekday: 2, hour: 15 },
      { weekday: 2, hour: 16 },
      { weekday: 2, hour: 17 },
    ]);
    const halfHour = { ...defaultSettings.schedule, slots: [{ day: 'fri' as const, start: '09:30', end: '10:30' }] };
    expect(openHours(halfHour)).toEqual([
      { weekday: 4, hour: 9 },
      { weekday: 4, hour: 10 },
    ]);
  });

  it('measures the planner’s inputs per opening hour, per week', () => {
    // Two Wednesdays in the period; 12 requests and 3 staffed counselor-hours in their 14:00 hours.
    const from = new Date('2026-11-30T23:00:00Z');
    const until = new Date('2026-12-14T23:00:00Z');
    const counts = [
      { hour: new Date('2026-12-02T13:00:00Z'), name: 'request', value: 8 },
      { hour: new Date('2026-12-09T13:00:00Z'), name: 'request', value: 4 },
      { hour: new Date('2026-12-09T13:00:00Z'), name: 'staffed_minutes', value: 180 },
      { hour: new Date('2026-12-09T13:00:00Z'), name: 'ended', value: 2 },
      { hour: new Date('2026-12-09T13:00:00Z'), name: 'length_seconds', value: 2 * 25 * 60 },
      { hour: new Date('2026-12-09T13:00:00Z'), name: 'length.b6', value: 2 },
    ];
    const response: StatisticsResponse = {
      ok: true,
      period: { from: '2026-12-01', until: '2026-12-14' },
      timeZone: 'Europe/Paris',
      smallCountThreshold: 5,
      counselorHourCost: 30,
      maxConversationsPerCounselor: 2,
      schedule: defaultSettings.schedule,
      closingForm: defaultClosingForm,
      view: statisticsView(counts, { from, until, timeZone: 'Europe/Paris' }),
    };
    const inputs = measuredPlanInputs(response);
    expect(inputs.slots.find((slot) => slot.weekday === 2 && slot.hour === 14)).toEqual({
      weekday: 2,
      hour: 14,
      arrivalsPerHour: 6,
      counselors: 1.5,
    });
    expect(inputs).toMatchObject({ handleMinutes: 25, concurrency: 2, hourCost: 30 });
    expect(inputs.patienceMinutes).toBe(Number.POSITIVE_INFINITY);
  });

  it('names slots and buckets, and writes small counts as the threshold', () => {
    expect(slotName({ weekday: 2, hour: 14 }, 'fr')).toBe('mercredi 14 h – 15 h');
    expect(bucketLabels('fr')[0]).toBe('< 1 min');
    expect(bucketLabels('fr').at(-1)).toBe('90 min et plus');
    expect(bucketLabels('en')).toHaveLength(11);
    expect([0, 3, 5].map((n) => formatCount(n, 5, 'fr'))).toEqual(['0', '< 5', '5']);
    expect(formatCount(3, null, 'fr')).toBe('3');
    expect(lastDays(30, new Date(2026, 11, 4))).toEqual({ from: '2026-11-05', until: '2026-12-04' });
    expect(formatDay('2026-11-03', 'fr')).toBe('3 novembre 2026');
    expect(formatDay('2026-11-03', 'en')).toBe('3 November 2026');
  });
});
