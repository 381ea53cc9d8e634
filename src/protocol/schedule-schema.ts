// Opening hours: weekly slots in a named time zone, and dated closures.
import { z } from 'zod';
import { weekdays } from './constants.ts';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCalendarDate, 'no such day');

/** "2026-02-30" has the shape of a date but names no day. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const instant = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return (
    instant.getUTCFullYear() === year && instant.getUTCMonth() === (month ?? 0) - 1 && instant.getUTCDate() === day
  );
}

export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

export const weeklySlotSchema = z
  // "24:00" ends a slot at midnight, so that a helpline can be open through the night without a gap.
  .object({ day: z.enum(weekdays), start: clockTime, end: z.union([clockTime, z.literal('24:00')]) })
  .refine((slot) => slot.start < slot.end, 'a slot must end after it starts');

export const closureSchema = z.object({ date: isoDate, label: z.string().max(200).optional() });

export const scheduleSchema = z.object({
  timeZone: timeZoneSchema,
  slots: z.array(weeklySlotSchema).max(50),
  closures: z.array(closureSchema).max(500),
});
export type Schedule = z.infer<typeof scheduleSchema>;
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;
export type Closure = z.infer<typeof closureSchema>;
