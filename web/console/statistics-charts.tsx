// The statistics' two drawings, as accessible SVG (no charting library: two shapes do not need one, and the
// console stays small): demand against staffed time on the week's grid, and a distribution in bars. Each is
// an image with a title and a description, and its figures are also in a table for screen readers.
import { useId } from 'preact/hooks';
import type { HeatCell } from '../../src/core/statistics-view.ts';
import { useLocale } from './locale-context.ts';
import { formatNumber, slotName, weekdayName } from './statistics-model.ts';

/** The hours the grid shows: 8:00 to 22:00, widened to any hour with demand or staff. */
function shownHours(cells: readonly HeatCell[]): number[] {
  const busy = cells.filter((cell) => cell.requests + cell.visitsClosed + cell.staffedMinutes > 0);
  const first = Math.min(8, ...busy.map((cell) => cell.hour));
  const last = Math.max(21, ...busy.map((cell) => cell.hour));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

const perWeek = (value: number, cell: HeatCell) => (cell.occurrences > 0 ? value / cell.occurrences : 0);

export function DemandMap({ cells, openHours }: { cells: readonly HeatCell[]; openHours: ReadonlySet<string> }) {
  const { t, locale } = useLocale();
  const id = useId();
  const hours = shownHours(cells);
  const byKey = new Map(cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell]));
  const demandOf = (cell: HeatCell | undefined) => (cell ? perWeek(cell.requests + cell.visitsClosed, cell) : 0);
  const highest = Math.max(1, ...cells.map(demandOf));
  const size = 26;
  const left = 84;
  const top = 22;
  const width = left + hours.length * size;
  const height = top + 7 * size;
  const rows = cells.filter((cell) => cell.requests + cell.visitsClosed + cell.staffedMinutes > 0);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="demand-map">
        <title id={`${id}-title`}>{t('statistics.mapTitle')}</title>
        <desc id={`${id}-desc`}>{t('statistics.mapDescription')}</desc>
        {hours.map((hour, column) => (
          <text key={hour} x={left + column * size + size / 2} y={14} class="axis" text-anchor="middle">
            {hour}
          </text>
        ))}
        {Array.from({ length: 7 }, (_, weekday) => (
          <g key={weekday}>
            <text x={left - 6} y={top + weekday * size + size * 0.65} class="axis" text-anchor="end">
              {weekdayName(weekday, locale)}
            </text>
            {hours.map((hour, column) => {
              const cell = byKey.get(`${weekday}:${hour}`);
              const demand = demandOf(cell);
              const staffed = cell ? perWeek(cell.staffedMinutes / 60, cell) : 0;
              const open = openHours.has(`${weekday}:${hour}`);
              return (
                <g key={hour}>
                  <rect
                    x={left + column * size + 1}
                    y={top + weekday * size + 1}
                    width={size - 2}
                    height={size - 2}
                    rx={3}
                    class={open ? 'cell is-open' : 'cell'}
                    style={{ fillOpacity: demand > 0 ? 0.15 + 0.85 * (demand / highest) : 0.04 }}
                  />
                  {staffed > 0 && (
                    <circle
                      cx={left + column * size + size / 2}
                      cy={top + weekday * size + size / 2}
                      r={Math.min(size / 2 - 4, 3 + staffed * 2)}
                      class="staffed"
                    />
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption class="hint">{t('statistics.mapLegend')}</figcaption>
      <details>
        <summary>{t('statistics.asTable')}</summary>
        <table class="figures">
          <caption>{t('statistics.mapTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.slot')}</th>
              <th scope="col">{t('statistics.requestsPerWeek')}</th>
              <th scope="col">{t('statistics.answeredPerWeek')}</th>
              <th scope="col">{t('statistics.closedVisitsPerWeek')}</th>
              <th scope="col">{t('statistics.staffedPerWeek')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((cell) => (
              <tr key={`${cell.weekday}:${cell.hour}`}>
                <th scope="row">{slotName(cell, locale)}</th>
                <td>{formatNumber(perWeek(cell.requests, cell), locale, 1)}</td>
                <td>{formatNumber(perWeek(cell.served, cell), locale, 1)}</td>
                <td>{formatNumber(perWeek(cell.visitsClosed, cell), locale, 1)}</td>
                <td>{formatNumber(perWeek(cell.staffedMinutes / 60, cell), locale, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function Bars({
  title,
  labels,
  values,
}: {
  title: string;
  labels: readonly string[];
  values: readonly number[];
}) {
  const { t, locale } = useLocale();
  const id = useId();
  const highest = Math.max(1, ...values);
  const bar = 34;
  const chartHeight = 120;
  const width = labels.length * bar;
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0) {
    return (
      <figure class="chart">
        <figcaption class="chart-title">{title}</figcaption>
        <p class="hint">{t('statistics.nothingYet')}</p>
      </figure>
    );
  }
  return (
    <figure class="chart">
      <figcaption class="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${chartHeight + 40}`} role="img" aria-labelledby={`${id}-title`} class="bars">
        <title id={`${id}-title`}>{`${title} (${t('statistics.total', { n: formatNumber(total, locale) })})`}</title>
        {values.map((value, index) => {
          const height = (value / highest) * chartHeight;
          return (
            <g key={labels[index]}>
              <rect x={index * bar + 4} y={chartHeight - height + 14} width={bar - 8} height={height} class="bar" />
              <text x={index * bar + bar / 2} y={chartHeight - height + 10} class="axis" text-anchor="middle">
                {value > 0 ? formatNumber(value, locale) : ''}
              </text>
              <text x={index * bar + bar / 2} y={chartHeight + 28} class="axis small" text-anchor="middle">
                {(labels[index] ?? '').replace(' min', '').replace(' et plus', '+').replace(' or more', '+')}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('statistics.asTable')}</summary>
        <table class="figures">
          <caption>{title}</caption>
          <tbody>
            {values.map((value, index) => (
              <tr key={labels[index]}>
                <th scope="row">{labels[index]}</th>
                <td>{formatNumber(value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
