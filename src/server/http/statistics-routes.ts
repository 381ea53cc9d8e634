// The impact statistics over HTTP, for supervisors and admins (decision 0027): a period's figures for the page
// and the planner, and its counts as CSV, small counts suppressed (the CSV leaves the team).
import type { FastifyInstance } from 'fastify';
import { zonedTimeToInstant } from '../../core/schedule.ts';
import { histogramCounts } from '../../core/statistics.ts';
import { shownCount, statisticsView } from '../../core/statistics-view.ts';
import { parsePayload } from '../../protocol/schemas.ts';
import {
  type StatisticsQuery,
  type StatisticsResponse,
  statisticsQuerySchema,
} from '../../protocol/statistics-schema.ts';
import type { SettingsService } from '../services/settings.ts';
import type { StatisticsRepository } from '../storage/statistics-repository.ts';
import type { StaffSession } from './staff-session.ts';

interface Deps {
  session: StaffSession;
  settings: SettingsService;
  repository: StatisticsRepository;
  /** Writes what is counted in memory first, so that the figures include the last seconds. */
  flush: () => Promise<void>;
}

const supervisors = ['supervisor', 'admin'] as const;

/** The period's instants: from its first day's midnight to the midnight after its last, in the helpline's zone. */
function periodOf({ from, until }: StatisticsQuery, timeZone: string) {
  const after = new Date(Date.parse(until) + 86_400_000).toISOString().slice(0, 10);
  return { from: zonedTimeToInstant(from, '00:00', timeZone), until: zonedTimeToInstant(after, '00:00', timeZone) };
}

/**
 * A sum of seconds says one conversation's exact time when it counts one: it is shown only when the count it
 * sums over is (lengths sum over the measured ones, the length buckets' total).
 */
const sumCounts: Record<string, (count: (name: string) => number) => number> = {
  wait_seconds: (count) => count('served'),
  abandon_seconds: (count) => count('abandoned'),
  turned_away_seconds: (count) => count('turned_away'),
  length_seconds: (count) => histogramCounts('length', count).reduce((sum, n) => sum + n, 0),
};

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function registerStatisticsRoutes(app: FastifyInstance, { session, settings, repository, flush }: Deps) {
  async function read(query: unknown) {
    const period = parsePayload(statisticsQuerySchema, query);
    const current = await settings.current();
    const instants = periodOf(period, current.schedule.timeZone);
    await flush().catch(() => {});
    return { period, instants, current, counts: await repository.between(instants.from, instants.until) };
  }

  app.get('/api/statistics', async (request): Promise<StatisticsResponse> => {
    await session.require(request, supervisors);
    const { period, instants, current, counts } = await read(request.query);
    return {
      ok: true,
      period,
      timeZone: current.schedule.timeZone,
      smallCountThreshold: current.statistics.smallCountThreshold,
      counselorHourCost: current.statistics.counselorHourCost,
      maxConversationsPerCounselor: current.maxConversationsPerCounselor,
      schedule: current.schedule,
      closingForm: current.closingForm,
      view: statisticsView(counts, { ...instants, timeZone: current.schedule.timeZone }),
    };
  });

  /** One line per day and name; counts under the threshold are written "<N". */
  app.get('/api/statistics.csv', async (request, reply) => {
    await session.require(request, supervisors);
    const { period, current, counts } = await read(request.query);
    const { timeZone } = current.schedule;
    const threshold = current.statistics.smallCountThreshold;
    const byDay = new Map<string, number>();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const { hour, name, value } of counts) {
      const key = `${day.format(hour)}\u0000${name}`;
      byDay.set(key, (byDay.get(key) ?? 0) + value);
    }
    const countOn = (date: string) => (name: string) => byDay.get(`${date}\u0000${name}`) ?? 0;
    const lines = [...byDay]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => {
        const [date = '', name = ''] = key.split('\u0000');
        const over = sumCounts[name];
        const shown = over
          ? shownCount(over(countOn(date)), threshold) === null
            ? null
            : value
          : shownCount(value, threshold);
        return [date, name, shown === null ? `<${threshold}` : String(shown)].map(csvCell).join(',');
      });
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="havre-statistics-${period.from}-${period.until}.csv"`);
    return `${['day,name,count', ...lines].join('\n')}\n`;
  });
}
