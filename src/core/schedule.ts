// Opening hours of the helpline: whether the chat is open now, when it closes, when it next opens.
// Wall-clock slots live in the schedule's time zone, so every conversion goes through Intl to stay right across DST.
import type { Schedule, Weekday } from '../protocol/schemas.ts';

export const defaultSchedule: Schedule = {
  timeZone: 'Europe/Paris',
  slots: [
    { day: 'mon', start: '15:00', end: '17:00' },
    { day: 'tue', start: '15:00', end: '17:00' },
    { day: 'wed', start: '14:00', end: '18:00' },
  ],
  closures: [],
};

export interface ScheduleStatus {
  open: boolean;
  closesAt: Date | null;
  nextOpensAt: Date | null;
}

/** How far ahead to look for the next opening before answering "none". */
const LOOKAHEAD_DAYS = 400;
const DAY_MS = 86_400_000;
const SECOND_MS = 1000;
// Indexed like Date#getUTCDay (0 = Sunday).
const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

interface OpenPeriod {
  start: number;
  end: number;
}

// Building a DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23.
  wall.hour %= 24;
  return wall;
}

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = instant - (((instant % SECOND_MS) + SECOND_MS) % SECOND_MS);
  return wallAsUtc - wholeSeconds;
}

function parseDate(date: string): [number, number, number] {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return [year, month, day];
}

function wallAsUtc(date: string, time: string): number {
  const [year, month, day] = parseDate(date);
  const [hour = Number.NaN, minute = Number.NaN] = time.split(':').map(Number);
  return Date.UTC(year, month - 1, day, hour, minute);
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` `time`.
 * A time repeated when clocks go back maps to its first occurrence; a time skipped when clocks
 * go forward maps to the first instant after the gap (a slot starting at 02:30 opens at 03:00).
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const wall = wallAsUtc(date, time);
  if (Number.isNaN(wall)) throw new RangeError(`invalid date or time: ${date} ${time}`);
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wall - instant === offsetAt(instant, timeZone),
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(endOfGap(wall - offsetAfter, wall - offsetBefore, timeZone));
}

/** First instant in (lo, hi] whose offset differs from the offset at `lo`: where the clocks jumped. */
function endOfGap(lo: number, hi: number, timeZone: string): number {
  const offsetBefore = offsetAt(lo, timeZone);
  let low = lo;
  let high = hi;
  while (high - low > SECOND_MS) {
    const middle = low + Math.floor((high - low) / (2 * SECOND_MS)) * SECOND_MS;
    if (offsetAt(middle, timeZone) === offsetBefore) low = middle;
    else high = middle;
  }
  return high;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The weekday (0 = Monday … 6 = Sunday) and the hour (0–23) the wall clock of `timeZone` shows at `instant`. */
export function localWeekdayHour(instant: Date, timeZone: string): { weekday: number; hour: number } {
  const wall = wallClockAt(instant.getTime(), timeZone);
  const sundayFirst = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return { weekday: (sundayFirst + 6) % 7, hour: wall.hour };
}

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant.getTime(), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  const [year, month, day] = parseDate(date);
  return WEEKDAYS_FROM_SUNDAY[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 'sun';
}

/** The open periods of one calendar date, as sorted instants (not yet merged). */
/** "24:00" is the midnight that starts the next day. */
function slotEnd(date: string, end: string, timeZone: string): number {
  if (end === '24:00') return zonedTimeToInstant(addDays(date, 1), '00:00', timeZone).getTime();
  return zonedTimeToInstant(date, end, timeZone).getTime();
}

function periodsOn(schedule: Schedule, date: string, closed: ReadonlySet<string>): OpenPeriod[] {
  if (closed.has(date)) return [];
  const weekday = weekdayOf(date);
  return schedule.slots
    .filter((slot) => slot.day === weekday)
    .map((slot) => ({
      start: zonedTimeToInstant(date, slot.start, schedule.timeZone).getTime(),
      end: slotEnd(date, slot.end, schedule.timeZone),
    }))
    .filter((period) => period.start < period.end)
    .sort((a, b) => a.start - b.start);
}

/** Whether the helpline's day holding `now` is a closure day (a holiday the admins set). */
export function isClosureDay(schedule: Schedule, now: Date): boolean {
  const today = localDate(now, schedule.timeZone);
  return schedule.closures.some((closure) => closure.date === today);
}

/** Open periods from `firstDate` on, in order, with contiguous or overlapping ones merged into one. */
function* mergedPeriods(schedule: Schedule, firstDate: string): Generator<OpenPeriod> {
  const closed = new Set(schedule.closures.map((closure) => closure.date));
  let pending: OpenPeriod | null = null;
  for (let day = 0; day <= LOOKAHEAD_DAYS; day++) {
    for (const period of periodsOn(schedule, addDays(firstDate, day), closed)) {
      if (pending && period.start <= pending.end) {
        pending.end = Math.max(pending.end, period.end);
        continue;
      }
      if (pending) yield pending;
      pending = { ...period };
    }
  }
  if (pending) yield pending;
}

export function scheduleStatus(schedule: Schedule, now: Date): ScheduleStatus {
  const at = now.getTime();
  let closesAt: Date | null = null;
  for (const period of mergedPeriods(schedule, localDate(now, schedule.timeZone))) {
    if (period.end <= at) continue;
    if (period.start <= at) {
      closesAt = new Date(period.end);
      continue;
    }
    return { open: closesAt !== null, closesAt, nextOpensAt: new Date(period.start) };
  }
  return { open: closesAt !== null, closesAt, nextOpensAt: null };
}

/** When the last open period before `now` ended (looking back from the day before), or null. */
export function lastClosedAt(schedule: Schedule, now: Date): Date | null {
  const at = now.getTime();
  let last: number | null = null;
  for (const period of mergedPeriods(schedule, addDays(localDate(now, schedule.timeZone), -1))) {
    if (period.start > at) break;
    if (period.end <= at) last = period.end;
  }
  return last === null ? null : new Date(last);
}

/**
 * What closing time means for those already waiting, by the admins' policy: they are still served for
 * `serveMinutes` after the chat closes (0: it closes at the hour). `deadline` is the last moment a waiting
 * visitor can be answered; `servingUntil` is set once the chat has closed and that time has not yet come;
 * `turnAway` once it has passed, or when the chat is closed without a recent opening (a closure).
 */
export interface ClosingTime {
  deadline: Date;
  servingUntil: Date | null;
  turnAway: boolean;
}

export function closingTime(schedule: Schedule, now: Date, serveMinutes: number): ClosingTime {
  const serveMs = serveMinutes * 60_000;
  const status = scheduleStatus(schedule, now);
  if (status.open && status.closesAt) {
    return { deadline: new Date(status.closesAt.getTime() + serveMs), servingUntil: null, turnAway: false };
  }
  const closedAt = lastClosedAt(schedule, now);
  const until = closedAt ? closedAt.getTime() + serveMs : null;
  if (until !== null && until > now.getTime()) {
    return { deadline: new Date(until), servingUntil: new Date(until), turnAway: false };
  }
  return { deadline: now, servingUntil: null, turnAway: true };
}
