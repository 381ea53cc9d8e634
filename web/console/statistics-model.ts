// The statistics page's arithmetic, apart from its screens: the planner's inputs from what was measured, the
// labels of buckets and weekdays, and how a figure is written. Pure, tested without a browser.
import type { PlanInputs, PlanSlot } from '../../src/core/planning/planner.ts';
import { MINUTE_BUCKETS } from '../../src/core/statistics.ts';
import type { HeatCell } from '../../src/core/statistics-view.ts';
import type { Schedule } from '../../src/protocol/schemas.ts';
import type { StatisticsResponse } from '../../src/protocol/statistics-schema.ts';
import type { Locale } from '../ui/i18n.ts';

const weekdayIndex: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** The hours of the week the schedule opens (any part of the hour counts), in order. */
export function openHours(schedule: Schedule): { weekday: number; hour: number }[] {
  const seen = new Set<string>();
  const hours: { weekday: number; hour: number }[] = [];
  for (const slot of schedule.slots) {
    const weekday = weekdayIndex[slot.day] ?? 0;
    const [startHour = 0] = slot.start.split(':').map(Number);
    const [endHour = 0, endMinute = 0] = slot.end.split(':').map(Number);
    const lastHour = endMinute > 0 ? endHour : endHour - 1;
    for (let hour = startHour; hour <= lastHour; hour += 1) {
      const key = `${weekday}:${hour}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hours.push({ weekday, hour });
    }
  }
  return hours.sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}

/** Weeks a year a service opens, before the admins say otherwise on the planner. */
export const DEFAULT_WEEKS_PER_YEAR = 52;
/** Without a measured conversation, the length the association aims at. */
export const DEFAULT_HANDLE_MINUTES = 30;

/** The planner's starting point: each opening hour with the demand and the counselors measured there. */
export function measuredPlanInputs(response: StatisticsResponse): PlanInputs {
  const cells = new Map(response.view.heatmap.map((cell) => [`${cell.weekday}:${cell.hour}`, cell]));
  const perOccurrence = (cell: HeatCell | undefined, value: (cell: HeatCell) => number) =>
    cell && cell.occurrences > 0 ? value(cell) / cell.occurrences : 0;
  const slots: PlanSlot[] = openHours(response.schedule).map(({ weekday, hour }) => {
    const cell = cells.get(`${weekday}:${hour}`);
    return {
      weekday,
      hour,
      arrivalsPerHour: perOccurrence(cell, (c) => c.requests),
      counselors: perOccurrence(cell, (c) => c.staffedMinutes / 60),
    };
  });
  return {
    slots,
    handleMinutes: response.view.measured.meanHandleMinutes ?? DEFAULT_HANDLE_MINUTES,
    concurrency: response.maxConversationsPerCounselor,
    patienceMinutes: response.view.measured.patienceMinutes ?? Number.POSITIVE_INFINITY,
    hourCost: response.counselorHourCost,
    weeksPerYear: DEFAULT_WEEKS_PER_YEAR,
  };
}

const weekdayNames: Record<Locale, string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export const weekdayName = (weekday: number, locale: Locale) => weekdayNames[locale][weekday] ?? '';

/** "mercredi 14 h – 15 h" / "Wednesday 14:00–15:00". */
export function slotName(slot: { weekday: number; hour: number }, locale: Locale): string {
  const day = weekdayName(slot.weekday, locale);
  return locale === 'fr' ? `${day} ${slot.hour} h – ${slot.hour + 1} h` : `${day} ${slot.hour}:00–${slot.hour + 1}:00`;
}

/** The buckets' labels: "< 1 min", "1–2 min" … "90 min et plus". */
export function bucketLabels(locale: Locale): string[] {
  const more = locale === 'fr' ? 'min et plus' : 'min or more';
  return [
    `< ${MINUTE_BUCKETS[0]} min`,
    ...MINUTE_BUCKETS.slice(1).map((bound, index) => `${MINUTE_BUCKETS[index]}–${bound} min`),
    `${MINUTE_BUCKETS.at(-1)} ${more}`,
  ];
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

export function formatShare(share: number | null, locale: Locale): string {
  return share === null
    ? '—'
    : new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(
        share,
      );
}

/** A count as it leaves the team: "< 5" below the threshold, never 0 hidden. */
export function formatCount(count: number, threshold: number | null, locale: Locale): string {
  return threshold !== null && count > 0 && count < threshold ? `< ${threshold}` : formatNumber(count, locale);
}

/** "3 novembre 2026" / "3 November 2026", for a YYYY-MM-DD day. */
export function formatDay(day: string, locale: Locale): string {
  const instant = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(instant.getTime())) return day;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(instant);
}

/** The period of the last `days` days ending today (local dates, as the browser sees them). */
export function lastDays(days: number, today: Date = new Date()): { from: string; until: string } {
  const iso = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: iso(from), until: iso(today) };
}
