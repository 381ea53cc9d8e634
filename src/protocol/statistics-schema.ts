// The statistics routes' query: a period of whole days in the helpline's time zone, at most about two years.
import { z } from 'zod';
import type { StatisticsView } from '../core/statistics-view.ts';
import type { ClosingFormLists } from './conversation-tools-schema.ts';
import { isoDate } from './schedule-schema.ts';
import type { Schedule } from './schemas.ts';

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

/** GET /api/statistics: the period's figures, and what the page needs to name and plan them. */
export interface StatisticsResponse {
  ok: true;
  period: StatisticsQuery;
  timeZone: string;
  smallCountThreshold: number;
  counselorHourCost: number;
  maxConversationsPerCounselor: number;
  schedule: Schedule;
  closingForm: ClosingFormLists;
  view: StatisticsView;
}
