// What the statistics page, the CSV and the funders' report show, computed from the hourly counts of a period
// (decision 0027). Pure, no I/O: the counts and the helpline's time zone in, plain figures out. Small counts
// are suppressed only where figures leave the team (exports, the printed report): `shownCount`.
import { localWeekdayHour } from './schedule.ts';
import { histogramCounts, histogramPercentile } from './statistics.ts';

export interface HourCount {
  hour: Date;
  name: string;
  value: number;
}

export interface HeatCell {
  /** 0 = Monday … 6 = Sunday, in the helpline's time zone. */
  weekday: number;
  hour: number;
  /** How many such hours the period holds (a period of three weeks holds three Wednesdays 14:00). */
  occurrences: number;
  requests: number;
  served: number;
  abandoned: number;
  visitsClosed: number;
  staffedMinutes: number;
  capacityMinutes: number;
}

export interface StatisticsView {
  totals: Record<string, number>;
  headline: {
    requests: number;
    answered: number;
    /** Answered over requests; null without a request. */
    answeredShare: number | null;
    medianWaitMinutes: number | null;
    p90WaitMinutes: number | null;
    abandoned: number;
    turnedAway: number;
    refused: number;
    visitsOpen: number;
    visitsClosed: number;
    staffedHours: number;
    /** Conversations held over those the available counselors could hold; null without staffed time. */
    occupancy: number | null;
    meanLengthMinutes: number | null;
  };
  refusals: { reason: string; count: number }[];
  waits: number[];
  abandonWaits: number[];
  lengths: number[];
  heatmap: HeatCell[];
  /** Closing-form answers: question → category id → count. */
  forms: Record<string, Record<string, number>>;
  measured: {
    meanHandleMinutes: number | null;
    /**
     * Mean patience in the queue, minutes: every minute waited (answered, gave up, turned away) over those who
     * gave up — the estimate of an exponential patience from waits some of which were cut short by an answer.
     * Null while nobody has given up (patience unknown, and at least as long as the longest wait).
     */
    patienceMinutes: number | null;
  };
}

const HOUR_MS = 3_600_000;
const histogram = (totals: Record<string, number>, prefix: 'wait' | 'abandon' | 'length') =>
  histogramCounts(prefix, (name) => totals[name] ?? 0);

export function statisticsView(
  counts: readonly HourCount[],
  { from, until, timeZone }: { from: Date; until: Date; timeZone: string },
): StatisticsView {
  const totals: Record<string, number> = {};
  const cells = new Map<string, HeatCell>();
  // The wall clock of each hour, read once: time-zone arithmetic is what a year's view spends most on.
  const wallOfHour = new Map<number, { weekday: number; hour: number }>();
  const cellOf = (at: Date) => {
    let wall = wallOfHour.get(at.getTime());
    if (!wall) {
      wall = localWeekdayHour(at, timeZone);
      wallOfHour.set(at.getTime(), wall);
    }
    const { weekday, hour } = wall;
    const key = `${weekday}:${hour}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        weekday,
        hour,
        occurrences: 0,
        requests: 0,
        served: 0,
        abandoned: 0,
        visitsClosed: 0,
        staffedMinutes: 0,
        capacityMinutes: 0,
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (let at = from.getTime(); at < until.getTime(); at += HOUR_MS) cellOf(new Date(at)).occurrences += 1;
  const cellField: Record<string, keyof HeatCell> = {
    request: 'requests',
    served: 'served',
    abandoned: 'abandoned',
    'visit.closed': 'visitsClosed',
    staffed_minutes: 'staffedMinutes',
    capacity_minutes: 'capacityMinutes',
  };
  const forms: Record<string, Record<string, number>> = {};
  for (const { hour, name, value } of counts) {
    totals[name] = (totals[name] ?? 0) + value;
    const field = cellField[name];
    if (field) (cellOf(hour)[field] as number) += value;
    if (name.startsWith('form.') && name !== 'form.filed') {
      const [, question = '', category = ''] = name.split('.');
      forms[question] ??= {};
      (forms[question] as Record<string, number>)[category] =
        ((forms[question] as Record<string, number>)[category] ?? 0) + value;
    }
  }

  const n = (name: string) => totals[name] ?? 0;
  const waits = histogram(totals, 'wait');
  const refusals = Object.entries(totals)
    .filter(([name]) => name.startsWith('refused.'))
    .map(([name, count]) => ({ reason: name.slice('refused.'.length), count }))
    .sort((a, b) => b.count - a.count);
  const waitedMinutes = (n('wait_seconds') + n('abandon_seconds') + n('turned_away_seconds')) / 60;
  // Over the conversations whose length was measured (one handed back and left while waiting again has none).
  const lengths = histogram(totals, 'length');
  const measuredLengths = lengths.reduce((sum, count) => sum + count, 0);
  const meanHandleMinutes = measuredLengths > 0 ? n('length_seconds') / 60 / measuredLengths : null;
  return {
    totals,
    headline: {
      requests: n('request'),
      answered: n('served'),
      answeredShare: n('request') > 0 ? n('served') / n('request') : null,
      medianWaitMinutes: histogramPercentile(waits, 0.5),
      p90WaitMinutes: histogramPercentile(waits, 0.9),
      abandoned: n('abandoned'),
      turnedAway: n('turned_away'),
      refused: refusals.reduce((sum, refusal) => sum + refusal.count, 0),
      visitsOpen: n('visit.open'),
      visitsClosed: n('visit.closed'),
      staffedHours: n('staffed_minutes') / 60,
      occupancy: n('capacity_minutes') > 0 ? n('busy_minutes') / n('capacity_minutes') : null,
      meanLengthMinutes: meanHandleMinutes,
    },
    refusals,
    waits,
    abandonWaits: histogram(totals, 'abandon'),
    lengths,
    heatmap: [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    forms,
    measured: {
      meanHandleMinutes,
      patienceMinutes: n('abandoned') > 0 ? waitedMinutes / n('abandoned') : null,
    },
  };
}

/**
 * A count as it may leave the team: counts from 1 to `threshold − 1` are suppressed (null), so that no
 * single conversation can be singled out in an export or a printed report; 0 stays 0.
 */
export function shownCount(count: number, threshold: number): number | null {
  return count > 0 && count < threshold ? null : count;
}
