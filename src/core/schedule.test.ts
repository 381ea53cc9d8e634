import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../protocol/schemas.ts';
import {
  closingTime,
  defaultSchedule,
  lastClosedAt,
  localDate,
  scheduleStatus,
  zonedTimeToInstant,
} from './schedule.ts';

function aSchedule(overrides: Partial<Schedule> = {}): Schedule {
  return { ...defaultSchedule, ...overrides };
}

const at = (iso: string) => new Date(iso);
const isoOf = (date: Date | null) => date?.toISOString() ?? null;

/** `count` dates a week apart, starting with `from`. */
function weeklyDates(from: string, count: number): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, week) =>
    new Date(start.getTime() + week * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('defaultSchedule', () => {
  it('opens Monday and Tuesday 15:00-17:00 and Wednesday 14:00-18:00 in Paris, without closures', () => {
    expect(defaultSchedule).toEqual({
      timeZone: 'Europe/Paris',
      slots: [
        { day: 'mon', start: '15:00', end: '17:00' },
        { day: 'tue', start: '15:00', end: '17:00' },
        { day: 'wed', start: '14:00', end: '18:00' },
      ],
      closures: [],
    });
  });
});

describe('scheduleStatus', () => {
  // 2026-03-23 is a Monday; Paris is at UTC+1 until 2026-03-29.
  it('is open from the start of a slot, inclusive', () => {
    const status = scheduleStatus(defaultSchedule, at('2026-03-23T14:00:00.000Z'));
    expect(status).toEqual({
      open: true,
      closesAt: at('2026-03-23T16:00:00.000Z'),
      nextOpensAt: at('2026-03-24T14:00:00.000Z'),
    });
  });

  it('is closed just before a slot and opens later the same day', () => {
    const status = scheduleStatus(defaultSchedule, at('2026-03-23T13:59:59.999Z'));
    expect(status).toEqual({ open: false, closesAt: null, nextOpensAt: at('2026-03-23T14:00:00.000Z') });
  });

  it('is open until the last millisecond before the end, and closed at the end', () => {
    expect(scheduleStatus(defaultSchedule, at('2026-03-23T15:59:59.999Z')).open).toBe(true);
    const atEnd = scheduleStatus(defaultSchedule, at('2026-03-23T16:00:00.000Z'));
    expect(atEnd).toEqual({ open: false, closesAt: null, nextOpensAt: at('2026-03-24T14:00:00.000Z') });
  });

  it('waits for next week after the last slot of the week', () => {
    // Wednesday 2026-03-18 at 18:00 Paris; next opening Monday 2026-03-23 15:00 Paris.
    const status = scheduleStatus(defaultSchedule, at('2026-03-18T17:00:00.000Z'));
    expect(isoOf(status.nextOpensAt)).toBe('2026-03-23T14:00:00.000Z');
  });

  it('skips a closed date, even in the middle of a slot', () => {
    const schedule = aSchedule({
      closures: [{ date: '2026-03-23', label: 'Formation' }, { date: '2026-03-24' }],
    });
    const status = scheduleStatus(schedule, at('2026-03-23T14:30:00.000Z'));
    expect(status).toEqual({ open: false, closesAt: null, nextOpensAt: at('2026-03-25T13:00:00.000Z') });
  });

  it('opens at 15:00 Paris = 13:00Z on the Monday after the spring-forward change', () => {
    // Clocks go forward on Sunday 2026-03-29: Paris moves from UTC+1 to UTC+2.
    const status = scheduleStatus(defaultSchedule, at('2026-03-29T12:00:00.000Z'));
    expect(isoOf(status.nextOpensAt)).toBe('2026-03-30T13:00:00.000Z');
  });

  it('opens on Wednesday 2026-04-01 at 14:00 Paris = 12:00Z and closes at 16:00Z', () => {
    const before = scheduleStatus(defaultSchedule, at('2026-03-31T16:00:00.000Z'));
    expect(isoOf(before.nextOpensAt)).toBe('2026-04-01T12:00:00.000Z');
    const during = scheduleStatus(defaultSchedule, at('2026-04-01T12:00:00.000Z'));
    expect(during.open).toBe(true);
    expect(isoOf(during.closesAt)).toBe('2026-04-01T16:00:00.000Z');
  });

  it('opens on Wednesday 2026-10-28 at 14:00 Paris = 13:00Z after the fall-back change', () => {
    // Clocks go back on Sunday 2026-10-25: Paris moves from UTC+2 to UTC+1.
    const fromWeekBefore = scheduleStatus(defaultSchedule, at('2026-10-21T16:00:00.000Z'));
    expect(isoOf(fromWeekBefore.nextOpensAt)).toBe('2026-10-26T14:00:00.000Z');
    const fromTuesday = scheduleStatus(defaultSchedule, at('2026-10-27T16:00:00.000Z'));
    expect(isoOf(fromTuesday.nextOpensAt)).toBe('2026-10-28T13:00:00.000Z');
    expect(scheduleStatus(defaultSchedule, at('2026-10-28T12:59:59.999Z')).open).toBe(false);
    expect(isoOf(scheduleStatus(defaultSchedule, at('2026-10-28T13:00:00.000Z')).closesAt)).toBe(
      '2026-10-28T17:00:00.000Z',
    );
  });

  it('merges contiguous and overlapping slots of the same date into one period', () => {
    const schedule = aSchedule({
      slots: [
        { day: 'wed', start: '16:00', end: '18:00' },
        { day: 'wed', start: '14:00', end: '16:00' },
        { day: 'wed', start: '15:00', end: '17:00' },
      ],
    });
    // Wednesday 2026-03-25 at 15:30 Paris.
    const status = scheduleStatus(schedule, at('2026-03-25T14:30:00.000Z'));
    expect(status).toEqual({
      open: true,
      closesAt: at('2026-03-25T17:00:00.000Z'),
      nextOpensAt: at('2026-04-01T12:00:00.000Z'),
    });
  });

  it('merges slots that merely touch: 14:00-16:00 + 16:00-18:00 closes at 18:00', () => {
    const schedule = aSchedule({
      slots: [
        { day: 'wed', start: '14:00', end: '16:00' },
        { day: 'wed', start: '16:00', end: '18:00' },
      ],
    });
    const status = scheduleStatus(schedule, at('2026-03-25T14:30:00.000Z'));
    expect(isoOf(status.closesAt)).toBe('2026-03-25T17:00:00.000Z');
    expect(isoOf(status.nextOpensAt)).toBe('2026-04-01T12:00:00.000Z');
  });

  it('does not merge slots separated by a gap', () => {
    const schedule = aSchedule({
      slots: [
        { day: 'wed', start: '14:00', end: '16:00' },
        { day: 'wed', start: '16:30', end: '18:00' },
      ],
    });
    const status = scheduleStatus(schedule, at('2026-03-25T14:30:00.000Z'));
    expect(status).toEqual({
      open: true,
      closesAt: at('2026-03-25T15:00:00.000Z'),
      nextOpensAt: at('2026-03-25T15:30:00.000Z'),
    });
  });

  it('is closed with no next opening when there are no slots', () => {
    const status = scheduleStatus(aSchedule({ slots: [] }), at('2026-03-23T14:30:00.000Z'));
    expect(status).toEqual({ open: false, closesAt: null, nextOpensAt: null });
  });

  it('finds an opening nearly a year away, but gives up after the look-ahead', () => {
    const mondays = (count: number) => weeklyDates('2026-03-23', count).map((date) => ({ date }));
    const slots: Schedule['slots'] = [{ day: 'mon', start: '15:00', end: '17:00' }];
    const now = at('2026-03-22T12:00:00.000Z');
    // 50 closed Mondays: the 51st, 2027-03-08, is 350 days after the first.
    const nearlyAYear = scheduleStatus(aSchedule({ slots, closures: mondays(50) }), now);
    expect(isoOf(nearlyAYear.nextOpensAt)).toBe('2027-03-08T14:00:00.000Z');
    const twoYears = scheduleStatus(aSchedule({ slots, closures: mondays(110) }), now);
    expect(twoYears).toEqual({ open: false, closesAt: null, nextOpensAt: null });
  });

  it('opens at the end of the gap when a slot starts at a time skipped by spring-forward', () => {
    const schedule = aSchedule({ slots: [{ day: 'sun', start: '02:30', end: '04:00' }] });
    const status = scheduleStatus(schedule, at('2026-03-28T12:00:00.000Z'));
    // 02:30 does not exist on 2026-03-29 in Paris: the clock jumps from 02:00 (UTC+1) to 03:00 (UTC+2).
    expect(isoOf(status.nextOpensAt)).toBe('2026-03-29T01:00:00.000Z');
    expect(isoOf(scheduleStatus(schedule, at('2026-03-29T01:30:00.000Z')).closesAt)).toBe('2026-03-29T02:00:00.000Z');
  });

  it('follows the schedule time zone and its own DST date (America/New_York)', () => {
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      slots: [{ day: 'mon', start: '09:00', end: '17:00' }],
      closures: [],
    };
    // New York springs forward on 2026-03-08, three weeks before Paris.
    expect(isoOf(scheduleStatus(schedule, at('2026-02-27T12:00:00.000Z')).nextOpensAt)).toBe(
      '2026-03-02T14:00:00.000Z',
    );
    expect(isoOf(scheduleStatus(schedule, at('2026-03-06T12:00:00.000Z')).nextOpensAt)).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    // Monday 08:30 in New York is already 13:30 in London: still closed.
    expect(scheduleStatus(schedule, at('2026-03-09T12:30:00.000Z')).open).toBe(false);
    // Tuesday 00:30 UTC is still Monday 20:30 in New York: closed since 17:00.
    expect(scheduleStatus(schedule, at('2026-03-10T00:30:00.000Z')).open).toBe(false);
    expect(scheduleStatus(schedule, at('2026-03-09T20:59:59.999Z')).open).toBe(true);
  });

  it('is consistent at any instant: open until closesAt, closed just before nextOpensAt', () => {
    const schedule = aSchedule({
      closures: [{ date: '2026-03-30' }, { date: '2026-10-28' }],
      slots: [...defaultSchedule.slots, { day: 'sun', start: '01:30', end: '03:30' }],
    });
    const instants = fc.date({
      min: at('2026-01-01T00:00:00.000Z'),
      max: at('2027-01-01T00:00:00.000Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (now) => {
        const status = scheduleStatus(schedule, now);
        expect(status.open).toBe(status.closesAt !== null);
        if (status.closesAt) {
          expect(status.closesAt.getTime()).toBeGreaterThan(now.getTime());
          expect(scheduleStatus(schedule, new Date(status.closesAt.getTime() - 1)).open).toBe(true);
          expect(scheduleStatus(schedule, status.closesAt).open).toBe(false);
        }
        if (!status.nextOpensAt) throw new Error('this schedule always opens again');
        expect(status.nextOpensAt.getTime()).toBeGreaterThan(status.closesAt?.getTime() ?? now.getTime());
        expect(scheduleStatus(schedule, new Date(status.nextOpensAt.getTime() - 1)).open).toBe(false);
        expect(scheduleStatus(schedule, status.nextOpensAt).open).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('zonedTimeToInstant', () => {
  it('converts a Paris wall-clock time in winter and in summer', () => {
    expect(zonedTimeToInstant('2026-01-15', '14:00', 'Europe/Paris').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(zonedTimeToInstant('2026-04-01', '14:00', 'Europe/Paris').toISOString()).toBe('2026-04-01T12:00:00.000Z');
  });

  it('maps a time skipped by spring-forward to the first instant after the gap', () => {
    expect(zonedTimeToInstant('2026-03-29', '02:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedTimeToInstant('2026-03-29', '03:00', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('maps a time repeated by fall-back to its first occurrence', () => {
    expect(zonedTimeToInstant('2026-10-25', '02:30', 'Europe/Paris').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToInstant('2026-10-25', '03:00', 'Europe/Paris').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('handles zones with half-hour offsets and zones west of UTC', () => {
    expect(zonedTimeToInstant('2026-01-01', '00:00', 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
    expect(zonedTimeToInstant('2026-07-01', '23:00', 'America/New_York').toISOString()).toBe(
      '2026-07-02T03:00:00.000Z',
    );
  });

  it('gives back the same wall-clock time, or a later one only inside a gap', () => {
    const zones = fc.constantFrom('Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tokyo');
    const days = fc.integer({ min: 0, max: 730 });
    const minutes = fc.integer({ min: 0, max: 24 * 60 - 1 });
    fc.assert(
      fc.property(zones, days, minutes, (timeZone, day, minute) => {
        const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const instant = zonedTimeToInstant(date, time, timeZone);
        expect(localDate(instant, timeZone)).toBe(date);
        const shown = wallTime(instant, timeZone);
        expect(shown >= time).toBe(true);
        // A gap is at most an hour, and after it the clock shows a later time.
        if (shown !== time) expect(toMinutes(shown) - minute).toBeLessThanOrEqual(60);
      }),
      { numRuns: 300 },
    );
  });
});

function wallTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

function toMinutes(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

describe('localDate', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    expect(localDate(at('2026-03-23T23:30:00.000Z'), 'Europe/Paris')).toBe('2026-03-24');
    expect(localDate(at('2026-03-23T23:30:00.000Z'), 'America/New_York')).toBe('2026-03-23');
    expect(localDate(at('2026-03-24T03:59:59.999Z'), 'America/New_York')).toBe('2026-03-23');
    expect(localDate(at('2026-03-24T04:00:00.000Z'), 'America/New_York')).toBe('2026-03-24');
  });
});

describe('open through midnight', () => {
  const allWeek: Schedule = {
    timeZone: 'Europe/Paris',
    slots: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
      day,
      start: '00:00',
      end: '24:00',
    })),
    closures: [],
  };

  it('has no gap at midnight when slots end at 24:00', () => {
    expect(scheduleStatus(allWeek, new Date('2026-12-02T22:59:30Z')).open).toBe(true); // 23:59:30 in Paris
    expect(scheduleStatus(allWeek, new Date('2026-12-02T23:00:00Z')).open).toBe(true);
  });

  it('closes at the next midnight that no slot continues', () => {
    const weekdaysOnly = {
      ...allWeek,
      slots: allWeek.slots.filter((slot) => slot.day !== 'sat' && slot.day !== 'sun'),
    };
    // Friday 4 December 2026, noon in Paris: open until Saturday 00:00 Paris (Friday 23:00 UTC).
    expect(scheduleStatus(weekdaysOnly, new Date('2026-12-04T11:00:00Z')).closesAt).toEqual(
      new Date('2026-12-04T23:00:00Z'),
    );
  });
});

describe('closing time for those already waiting', () => {
  // Monday 2026-03-02, Paris is UTC+1: the slot 15:00–17:00 is 14:00Z–16:00Z.
  const schedule = aSchedule();

  it('gives the closing time plus the minutes the admins grant while open', () => {
    const during = closingTime(schedule, at('2026-03-02T15:00:00Z'), 30);
    expect(isoOf(during.deadline)).toBe('2026-03-02T16:30:00.000Z');
    expect(during).toMatchObject({ servingUntil: null, turnAway: false });
  });

  it('still serves those waiting until then once closed, and turns them away after', () => {
    const after = closingTime(schedule, at('2026-03-02T16:10:00Z'), 30);
    expect(isoOf(after.servingUntil)).toBe('2026-03-02T16:30:00.000Z');
    expect(after.turnAway).toBe(false);
    expect(closingTime(schedule, at('2026-03-02T16:30:00Z'), 30)).toMatchObject({ servingUntil: null, turnAway: true });
  });

  it('closes at the hour when the admins grant nothing', () => {
    expect(closingTime(schedule, at('2026-03-02T16:00:00Z'), 0)).toMatchObject({ servingUntil: null, turnAway: true });
    expect(isoOf(closingTime(schedule, at('2026-03-02T15:59:00Z'), 0).deadline)).toBe('2026-03-02T16:00:00.000Z');
  });

  it('turns away at once when a closure starts in the middle of the day', () => {
    const closed = aSchedule({ closures: [{ date: '2026-03-02' }] });
    expect(closingTime(closed, at('2026-03-02T15:00:00Z'), 30)).toMatchObject({ servingUntil: null, turnAway: true });
  });

  it('finds the last closing from the day before, across midnight', () => {
    const late = aSchedule({ slots: [{ day: 'mon', start: '22:00', end: '24:00' }] });
    expect(isoOf(lastClosedAt(late, at('2026-03-02T23:20:00Z')))).toBe('2026-03-02T23:00:00.000Z');
    expect(isoOf(closingTime(late, at('2026-03-02T23:20:00Z'), 30).servingUntil)).toBe('2026-03-02T23:30:00.000Z');
  });
});
