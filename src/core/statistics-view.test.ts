import { describe, expect, it } from 'vitest';
import { bucketOf } from './statistics.ts';
import { shownCount, statisticsView } from './statistics-view.ts';

const at = (iso: string) => new Date(iso);
const period = { from: at('2026-11-30T23:00:00Z'), until: at('2026-12-14T23:00:00Z'), timeZone: 'Europe/Paris' };

describe('the statistics view', () => {
  const counts = [
    // Wednesday 2 December, 14:00–15:00 in Paris (13:00 UTC).
    { hour: at('2026-12-02T13:00:00Z'), name: 'request', value: 10 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'served', value: 6 },
    { hour: at('2026-12-02T13:00:00Z'), name: `wait.b${bucketOf(3)}`, value: 3 },
    { hour: at('2026-12-02T13:00:00Z'), name: `wait.b${bucketOf(12)}`, value: 3 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'wait_seconds', value: 6 * 7 * 60 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'abandoned', value: 3 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'abandon_seconds', value: 3 * 10 * 60 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'refused.queue_full', value: 1 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'staffed_minutes', value: 120 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'capacity_minutes', value: 240 },
    { hour: at('2026-12-02T13:00:00Z'), name: 'busy_minutes', value: 180 },
    // The next Wednesday, same hour; and a Thursday evening while closed.
    { hour: at('2026-12-09T13:00:00Z'), name: 'request', value: 4 },
    { hour: at('2026-12-03T19:00:00Z'), name: 'visit.closed', value: 7 },
    { hour: at('2026-12-03T19:00:00Z'), name: 'refused.closed', value: 2 },
    { hour: at('2026-12-02T14:00:00Z'), name: 'ended', value: 7 },
    { hour: at('2026-12-02T14:00:00Z'), name: `length.b${bucketOf(30)}`, value: 6 },
    { hour: at('2026-12-02T14:00:00Z'), name: 'length_seconds', value: 6 * 30 * 60 },
    { hour: at('2026-12-02T14:00:00Z'), name: 'form.contactTypes.genuine', value: 5 },
    { hour: at('2026-12-02T14:00:00Z'), name: 'form.contactTypes.prank', value: 1 },
    { hour: at('2026-12-02T14:00:00Z'), name: 'form.filed', value: 6 },
  ];
  const view = statisticsView(counts, period);

  it('gives the headline figures', () => {
    expect(view.headline).toMatchObject({
      requests: 14,
      answered: 6,
      abandoned: 3,
      refused: 3,
      visitsClosed: 7,
      staffedHours: 2,
      occupancy: 0.75,
      meanLengthMinutes: 30,
    });
    expect(view.headline.answeredShare).toBeCloseTo(6 / 14, 10);
    // Half waited 2–5 minutes, half 10–15: the median is the top of the first bucket.
    expect(view.headline.medianWaitMinutes).toBe(5);
    expect(view.headline.p90WaitMinutes).toBeCloseTo(10 + 0.8 * 5, 10);
    expect(view.refusals).toEqual([
      { reason: 'closed', count: 2 },
      { reason: 'queue_full', count: 1 },
    ]);
  });

  it('lays demand and staffing on weekdays and hours of the helpline, closed hours included', () => {
    const wednesday14 = view.heatmap.find((cell) => cell.weekday === 2 && cell.hour === 14);
    expect(wednesday14).toMatchObject({ occurrences: 2, requests: 14, served: 6, staffedMinutes: 120 });
    const thursday20 = view.heatmap.find((cell) => cell.weekday === 3 && cell.hour === 20);
    expect(thursday20).toMatchObject({ occurrences: 2, visitsClosed: 7, requests: 0 });
    expect(view.heatmap).toHaveLength(7 * 24);
  });

  it('measures what the planner needs: handle time, and patience from every minute waited', () => {
    expect(view.measured.meanHandleMinutes).toBe(30);
    // (6 × 7 + 3 × 10) minutes waited, 3 gave up.
    expect(view.measured.patienceMinutes).toBe(24);
    expect(statisticsView([], period).measured).toEqual({ meanHandleMinutes: null, patienceMinutes: null });
  });

  it('sorts closing-form answers by question', () => {
    expect(view.forms.contactTypes).toEqual({ genuine: 5, prank: 1 });
  });

  it('suppresses small counts where figures leave the team, never zero', () => {
    expect([0, 1, 4, 5, 12].map((count) => shownCount(count, 5))).toEqual([0, null, null, 5, 12]);
  });
});
