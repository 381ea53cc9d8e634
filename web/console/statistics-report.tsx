// The one-page report for funders: the period, what was answered, what demand went unanswered, what more hours
// would give. Counts under the admins' threshold are written "< N" (it leaves the team); printed by the
// browser (Ctrl+P, or the button), on one A4 page.
import { spendBudget } from '../../src/core/planning/planner.ts';
import type { StatisticsResponse } from '../../src/protocol/statistics-schema.ts';
import { useLocale } from './locale-context.ts';
import { formatCount, formatDay, formatNumber, formatShare, measuredPlanInputs, slotName } from './statistics-model.ts';

/** The budget the report speaks of: the association's own question, "what does 14,000 € buy?". */
export const REPORT_BUDGET = 14_000;

export function StatisticsReport({ response, onClose }: { response: StatisticsResponse; onClose: () => void }) {
  const { t, locale } = useLocale();
  const { view, period, smallCountThreshold: threshold } = response;
  const { headline } = view;
  const count = (n: number) => formatCount(n, threshold, locale);
  const plan = spendBudget(measuredPlanInputs(response), REPORT_BUDGET);
  const unanswered = headline.abandoned + headline.turnedAway + headline.refused;
  // A share says as much as a count when what it divides is small: shown only above the threshold.
  const share = headline.requests >= threshold ? formatShare(headline.answeredShare, locale) : '—';
  return (
    <article class="report" aria-labelledby="report-title">
      <div class="report-actions">
        <button type="button" class="button button-primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <button type="button" class="button button-quiet" onClick={onClose}>
          {t('report.back')}
        </button>
      </div>
      <h1 id="report-title">{t('report.title')}</h1>
      <p class="report-period">
        {t('report.period', { from: formatDay(period.from, locale), until: formatDay(period.until, locale) })}
      </p>

      <section aria-labelledby="report-answered">
        <h2 id="report-answered">{t('report.answered')}</h2>
        <p class="report-figure">
          {t('report.answeredLine', { n: count(headline.answered), share, requests: count(headline.requests) })}
        </p>
        <p>
          {t('report.waitLine', {
            median: headline.medianWaitMinutes === null ? '—' : formatNumber(headline.medianWaitMinutes, locale),
            p90: headline.p90WaitMinutes === null ? '—' : formatNumber(headline.p90WaitMinutes, locale),
            hours: formatNumber(headline.staffedHours, locale),
          })}
        </p>
      </section>

      <section aria-labelledby="report-unanswered">
        <h2 id="report-unanswered">{t('report.unanswered')}</h2>
        <table class="figures">
          <tbody>
            <tr>
              <th scope="row">{t('report.abandoned')}</th>
              <td>{count(headline.abandoned)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.turnedAway')}</th>
              <td>{count(headline.turnedAway)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.refused')}</th>
              <td>{count(headline.refused)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.visitsClosed')}</th>
              <td>{count(headline.visitsClosed)}</td>
            </tr>
          </tbody>
        </table>
        <p>{t('report.unansweredLine', { n: count(unanswered) })}</p>
      </section>

      <section aria-labelledby="report-more">
        <h2 id="report-more">{t('report.more')}</h2>
        <p class="report-figure">
          {t('report.moreLine', {
            budget: formatNumber(REPORT_BUDGET, locale),
            cost: formatNumber(response.counselorHourCost, locale),
            hours: formatNumber(plan.hoursPerWeek, locale),
            year: formatNumber(Math.round(plan.morePerYear), locale),
          })}
        </p>
        {plan.added.length > 0 && (
          <p>
            {t('report.where', {
              slots: plan.added.map((slot) => `${slotName(slot, locale)} (+${slot.hours} h)`).join(', '),
            })}
          </p>
        )}
        <p class="hint">{t('report.method', { threshold })}</p>
      </section>
    </article>
  );
}
