import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatClock,
  formatNextOpening,
  formatTimeIn,
  timeZoneLabel,
  upcomingClosures,
  weekdayName,
  weeklyHours,
} from './format.ts';

import { loadCatalogue } from './messages.ts';

beforeAll(() => loadCatalogue('en'));

const paris = 'Europe/Paris';
// Monday 30 November 2026, 10:00 in Paris.
const monday = new Date('2026-11-30T09:00:00Z');

describe('next opening in words', () => {
  it('names the day and the time in the schedule zone', () => {
    const wednesday = '2026-12-02T13:00:00.000Z';
    expect(formatNextOpening('fr', wednesday, paris, monday)).toBe('mercredi 2 décembre à 14 h');
    expect(formatNextOpening('en', wednesday, paris, monday)).toBe('Wednesday 2 December at 2:00 pm');
  });

  it('says today and tomorrow', () => {
    expect(formatNextOpening('fr', '2026-11-30T13:30:00Z', paris, monday)).toBe('aujourd’hui à 14 h 30');
    expect(formatNextOpening('en', '2026-11-30T13:30:00Z', paris, monday)).toBe('today at 2:30 pm');
    expect(formatNextOpening('fr', '2026-12-01T08:00:00Z', paris, monday)).toBe('demain à 9 h');
    expect(formatNextOpening('en', '2026-12-01T08:00:00Z', paris, monday)).toBe('tomorrow at 9:00 am');
  });

  it('counts days in the schedule zone, not in UTC', () => {
    // 23:30 UTC on Monday is already Tuesday 00:30 in Paris.
    const lateMonday = new Date('2026-11-30T23:30:00Z');
    expect(formatNextOpening('fr', '2026-12-01T13:00:00Z', paris, lateMonday)).toBe('aujourd’hui à 14 h');
  });

  it('follows summer time', () => {
    const june = new Date('2026-06-01T08:00:00Z');
    expect(formatNextOpening('fr', '2026-06-03T12:00:00Z', paris, june)).toBe('mercredi 3 juin à 14 h');
  });

  it('gives the year when the opening is far away', () => {
    expect(formatNextOpening('fr', '2027-11-03T13:00:00Z', paris, monday)).toBe('mercredi 3 novembre 2027 à 14 h');
  });

  it('writes the first of the month as an ordinal in French', () => {
    expect(formatNextOpening('fr', '2026-12-01T13:00:00Z', paris, new Date('2026-11-27T09:00:00Z'))).toBe(
      'mardi 1er décembre à 14 h',
    );
    expect(formatNextOpening('en', '2026-12-01T13:00:00Z', paris, new Date('2026-11-27T09:00:00Z'))).toBe(
      'Tuesday 1 December at 2:00 pm',
    );
  });
});

describe('clock times', () => {
  it('writes French hours with "h" and English ones with am/pm', () => {
    expect(formatClock('fr', 9, 0)).toBe('9 h');
    expect(formatClock('fr', 18, 5)).toBe('18 h 05');
    expect(formatClock('en', 0, 0)).toBe('12:00 am');
    expect(formatClock('en', 12, 15)).toBe('12:15 pm');
    expect(formatClock('en', 18, 0)).toBe('6:00 pm');
  });

  it('writes a slot that runs to midnight (24:00) as French says it and English reads it', () => {
    expect(formatClock('fr', 24, 0)).toBe('24 h');
    expect(formatClock('en', 24, 0)).toBe('12:00 am');
  });

  it('reads a closing time in the schedule zone', () => {
    expect(formatTimeIn('fr', '2026-11-30T17:00:00Z', paris)).toBe('18 h');
  });
});

describe('weekly hours', () => {
  it('lists days Monday first with their slots in order', () => {
    const hours = weeklyHours('fr', [
      { day: 'wed', start: '18:00', end: '21:00' },
      { day: 'mon', start: '14:00', end: '18:00' },
      { day: 'wed', start: '10:00', end: '12:30' },
    ]);
    expect(hours).toEqual([
      { day: 'mon', name: 'lundi', ranges: ['14 h – 18 h'] },
      { day: 'wed', name: 'mercredi', ranges: ['10 h – 12 h 30', '18 h – 21 h'] },
    ]);
  });

  it('names days in the locale', () => {
    expect(weekdayName('en', 'sun')).toBe('Sunday');
    expect(weekdayName('fr', 'sat')).toBe('samedi');
  });
});

describe('time zone label', () => {
  it('uses the city of the zone', () => {
    expect(timeZoneLabel('fr', 'Europe/Paris')).toBe('heure de Paris');
    expect(timeZoneLabel('en', 'Europe/Paris')).toBe('Paris time');
    expect(timeZoneLabel('fr', 'America/Port_of_Spain')).toBe('heure de Port of Spain');
    expect(timeZoneLabel('fr', 'Indian/Antananarivo')).toBe('heure d’Antananarivo');
  });
});

describe('upcoming closures', () => {
  it('keeps the closures of the coming month, soonest first', () => {
    const closures = [
      { date: '2026-12-25', label: 'Noël' },
      { date: '2026-12-01' },
      { date: '2026-11-29' },
      { date: '2027-05-01' },
    ];
    expect(upcomingClosures('fr', closures, paris, monday)).toEqual([
      'mardi 1er décembre',
      'vendredi 25 décembre (Noël)',
    ]);
  });
});
