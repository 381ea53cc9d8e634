// Words for times and dates in the helpline's own time zone ("mercredi 2 décembre à 14 h", "heure de
// Paris"): a visitor elsewhere, or on a phone set to another zone, still reads the helpline's hours.
import { type Weekday, weekdays } from '../../src/protocol/constants.ts';
import type { Closure, WeeklySlot } from '../../src/protocol/schemas.ts';
import { createTranslator, type Locale } from '../ui/i18n.ts';
import { catalogueOf } from './messages.ts';

const intlLocale: Readonly<Record<Locale, string>> = { fr: 'fr-FR', en: 'en-GB' };
const DAY_MS = 86_400_000;

/** "14 h", "14 h 30" in French; "2:00 pm" in English. */
export function formatClock(locale: Locale, hours: number, minutes: number): string {
  const mm = String(minutes).padStart(2, '0');
  if (locale === 'fr') return minutes === 0 ? `${hours} h` : `${hours} h ${mm}`;
  // "24:00" (a slot that runs to midnight) is 12:00 am in English; French says "24 h".
  const h = hours % 24;
  return `${h % 12 || 12}:${mm} ${h < 12 ? 'am' : 'pm'}`;
}

/** A schedule's wall-clock "HH:MM", read as is (it is already in the schedule's zone). */
export function formatSlotTime(locale: Locale, clock: string): string {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return formatClock(locale, hours, minutes);
}

/** "heure de Paris" / "Paris time", from an IANA zone such as Europe/Paris. */
export function timeZoneLabel(locale: Locale, timeZone: string): string {
  const city = (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
  const t = createTranslator(catalogueOf(locale));
  return t(/^[aeiouyàâéèêîôûh]/i.test(city) ? 'zone.cityVowel' : 'zone.city', { city });
}

export function weekdayName(locale: Locale, day: Weekday): string {
  // 1 January 2024 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + weekdays.indexOf(day)));
  return new Intl.DateTimeFormat(intlLocale[locale], { weekday: 'long', timeZone: 'UTC' }).format(date);
}

export interface DayHours {
  day: Weekday;
  name: string;
  ranges: string[];
}

/** Opening hours by day, Monday first, each day's slots in order; days without a slot are left out. */
export function weeklyHours(locale: Locale, slots: readonly WeeklySlot[]): DayHours[] {
  const t = createTranslator(catalogueOf(locale));
  return weekdays.flatMap((day) => {
    const ranges = slots
      .filter((slot) => slot.day === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((slot) =>
        t('hours.range', {
          start: formatSlotTime(locale, slot.start),
          end: formatSlotTime(locale, slot.end),
        }),
      );
    return ranges.length > 0 ? [{ day, name: weekdayName(locale, day), ranges }] : [];
  });
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: read('year'),
    month: read('month'),
    day: read('day'),
    hour: read('hour'),
    minute: read('minute'),
  };
}

/** "mercredi 2 décembre", "mardi 1er décembre" / "Tuesday 1 December". */
function formatDate(locale: Locale, instant: Date, options: Intl.DateTimeFormatOptions): string {
  const parts = new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...options,
  }).formatToParts(instant);
  // French writes the first day of a month as an ordinal, which Intl does not do.
  return parts
    .map((part) => (locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/** The time of day of an instant in the schedule's zone: "18 h" / "6:00 pm". */
export function formatTimeIn(locale: Locale, iso: string, timeZone: string): string {
  const { hour, minute } = zonedParts(new Date(iso), timeZone);
  return formatClock(locale, hour, minute);
}

/**
 * When the chat opens next, in words: "aujourd’hui à 14 h", "demain à 9 h 30" or "mercredi 2 décembre à
 * 14 h" / "Wednesday 2 December at 2:00 pm". Days are counted in the schedule's zone.
 */
export function formatNextOpening(locale: Locale, iso: string, timeZone: string, now: Date): string {
  const t = createTranslator(catalogueOf(locale));
  const instant = new Date(iso);
  const target = zonedParts(instant, timeZone);
  const today = zonedParts(now, timeZone);
  const days = Math.round(
    (Date.UTC(target.year, target.month - 1, target.day) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS,
  );
  const time = formatClock(locale, target.hour, target.minute);
  if (days === 0) return t('when.today', { time });
  if (days === 1) return t('when.tomorrow', { time });
  const date = formatDate(locale, instant, { timeZone, ...(days > 300 ? { year: 'numeric' } : {}) });
  return t('when.date', { date, time });
}

/** Closures from today (in the schedule's zone) up to `withinDays` ahead, in words, soonest first. */
export function upcomingClosures(
  locale: Locale,
  closures: readonly Closure[],
  timeZone: string,
  now: Date,
  withinDays = 31,
): string[] {
  const t = createTranslator(catalogueOf(locale));
  const today = zonedParts(now, timeZone);
  const start = Date.UTC(today.year, today.month - 1, today.day);
  return closures
    .map((closure) => ({ closure, at: Date.parse(`${closure.date}T00:00:00Z`) }))
    .filter(({ at }) => at >= start && at <= start + withinDays * DAY_MS)
    .sort((a, b) => a.at - b.at)
    .map(({ closure, at }) => {
      const date = formatDate(locale, new Date(at), { timeZone: 'UTC' });
      return closure.label ? t('hours.closureLabelled', { date, label: closure.label }) : t('hours.closure', { date });
    });
}

/** A message's time on the visitor's own clock ("14 h 32", "2:32 pm"), since it is about her conversation, not the hours. */
export function formatMessageTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  return formatClock(locale, date.getHours(), date.getMinutes());
}
