// The statistics routes' query: a period of whole days in the helpline's time zone, at most about two years.
import { z } from 'zod';
import { isoDate } from './schedule-schema.ts';

export const MAX_STATISTICS_DAYS = 800;

export const statisticsQuerySchema = z
  .object({ from: isoDate, until: isoDate })
  .strict()
  .refine(({ from, until }) => from <= until, 'the period ends before it starts')
  .refine(
    ({ from, until }) => (Date.parse(until) - Date.parse(from)) / 86_400_000 < MAX_STATISTICS_DAYS,
    `a period is at most ${MAX_STATISTICS_DAYS} days`,
  );
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;
