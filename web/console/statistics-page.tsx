// The "Statistiques" section (supervisors and admins): a period, its headline figures, demand against staffed
// time on the week's grid, the waits, the outcomes and the closing forms; the CSV of the counts; the funders'
// report; and the capacity planner fed with what was measured.
import { useEffect, useState } from 'preact/hooks';
import type { ClosingFormLists } from '../../src/protocol/conversation-tools-schema.ts';
import type { StatisticsResponse } from '../../src/protocol/statistics-schema.ts';
import { type ApiError, callApi } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { PlannerPanel } from './planner-panel.tsx';
import { serverNow } from './server-clock.ts';
import { Bars, DemandMap } from './statistics-charts.tsx';
import {
  bucketLabels,
  formatNumber,
  formatShare,
  lastDays,
  measuredPlanInputs,
  openHours,
} from './statistics-model.ts';
import { StatisticsReport } from './statistics-report.tsx';
import { TextField } from './text-field.tsx';

type Period = { from: string; until: string };
type View = 'figures' | 'planner' | 'report';

const fetchStatistics = ({ from, until }: Period) =>
  callApi<Omit<StatisticsResponse, 'ok'>>(
    'GET',
    `/api/statistics?from=${encodeURIComponent(from)}&until=${encodeURIComponent(until)}`,
  );

const questionTitles: Record<string, MessageKey> = {
  contactTypes: 'closingForm.contactType',
  violenceTypes: 'closingForm.violenceTypes',
  authors: 'closingForm.author',
  ageBrackets: 'closingForm.ageBracket',
  returning: 'closingForm.returning',
  childrenExposed: 'closingForm.childrenExposed',
  dangerLevels: 'closingForm.dangerLevel',
  emergencyCalled: 'closingForm.emergencyCalled',
  actions: 'closingForm.actions',
  services: 'closingForm.services',
  heardFrom: 'closingForm.heardFrom',
  areas: 'closingForm.area',
};

const reasonKeys: Record<string, MessageKey> = {
  closed: 'statistics.reason.closed',
  closure: 'statistics.reason.closure',
  paused: 'statistics.reason.paused',
  queue_full: 'statistics.reason.queue_full',
  rate_limited: 'statistics.reason.rate_limited',
  blocked: 'statistics.reason.blocked',
  work_required: 'statistics.reason.work',
  work_invalid: 'statistics.reason.work',
  work_expired: 'statistics.reason.work',
  work_replayed: 'statistics.reason.work',
};

function Headline({ response }: { response: StatisticsResponse }) {
  const { t, locale } = useLocale();
  const { headline } = response.view;
  const minutes = (value: number | null) => (value === null ? '—' : `${formatNumber(value, locale)} min`);
  const figures: [MessageKey, string][] = [
    ['statistics.answered', formatNumber(headline.answered, locale)],
    ['statistics.answeredShare', formatShare(headline.answeredShare, locale)],
    ['statistics.medianWait', minutes(headline.medianWaitMinutes)],
    ['statistics.p90Wait', minutes(headline.p90WaitMinutes)],
    ['statistics.abandoned', formatNumber(headline.abandoned, locale)],
    ['statistics.turnedAway', formatNumber(headline.turnedAway, locale)],
    ['statistics.refused', formatNumber(headline.refused, locale)],
    ['statistics.visitsClosed', formatNumber(headline.visitsClosed, locale)],
    ['statistics.staffedHours', formatNumber(headline.staffedHours, locale, 1)],
    ['statistics.occupancy', formatShare(headline.occupancy, locale)],
  ];
  return (
    <dl class="headline">
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FormAnswers({ forms, lists }: { forms: Record<string, Record<string, number>>; lists: ClosingFormLists }) {
  const { t, locale } = useLocale();
  const labelOf = (question: string, id: string) => {
    if (id === 'unknown') return t('closingForm.unknown');
    if (id === 'yes' || id === 'no') return t(id === 'yes' ? 'closingForm.yes' : 'closingForm.no');
    const list = (lists as Record<string, ClosingFormLists['authors'] | undefined>)[question];
    return list?.find((item) => item.id === id)?.label[locale] ?? id;
  };
  const questions = Object.keys(questionTitles).filter((question) => forms[question]);
  if (questions.length === 0) return <p class="hint">{t('statistics.noForms')}</p>;
  return (
    <div class="form-answers">
      {questions.map((question) => (
        <table key={question} class="figures">
          <caption>{t(questionTitles[question] as MessageKey)}</caption>
          <tbody>
            {Object.entries(forms[question] ?? {})
              .sort(([, a], [, b]) => b - a)
              .map(([id, count]) => (
                <tr key={id}>
                  <th scope="row">{labelOf(question, id)}</th>
                  <td>{formatNumber(count, locale)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function Figures({ response }: { response: StatisticsResponse }) {
  const { t, locale } = useLocale();
  const { view } = response;
  const open = new Set(openHours(response.schedule).map(({ weekday, hour }) => `${weekday}:${hour}`));
  const labels = bucketLabels(locale);
  return (
    <>
      <section class="panel" aria-labelledby="statistics-headline">
        <h2 id="statistics-headline">{t('statistics.headline')}</h2>
        <Headline response={response} />
      </section>
      <section class="panel" aria-labelledby="statistics-map">
        <h2 id="statistics-map">{t('statistics.mapTitle')}</h2>
        <DemandMap cells={view.heatmap} openHours={open} />
      </section>
      <section class="panel" aria-labelledby="statistics-waits">
        <h2 id="statistics-waits">{t('statistics.waits')}</h2>
        <Bars title={t('statistics.waitsAnswered')} labels={labels} values={view.waits} />
        <Bars title={t('statistics.waitsAbandoned')} labels={labels} values={view.abandonWaits} />
        <Bars title={t('statistics.lengths')} labels={labels} values={view.lengths} />
      </section>
      <section class="panel" aria-labelledby="statistics-refusals">
        <h2 id="statistics-refusals">{t('statistics.refusals')}</h2>
        {view.refusals.length === 0 ? (
          <p class="hint">{t('statistics.noRefusal')}</p>
        ) : (
          <table class="figures">
            <tbody>
              {view.refusals.map(({ reason, count }) => (
                <tr key={reason}>
                  <th scope="row">{reasonKeys[reason] ? t(reasonKeys[reason] as MessageKey) : reason}</th>
                  <td>{formatNumber(count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="statistics-survey">
        <h2 id="statistics-survey">{t('statistics.survey')}</h2>
        <table class="figures">
          <tbody>
            {(['yes', 'somewhat', 'no'] as const).map((answer) => (
              <tr key={answer}>
                <th scope="row">{t(`statistics.survey.${answer}`)}</th>
                <td>{formatNumber(view.totals[`survey.${answer}`] ?? 0, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="statistics-forms">
        <h2 id="statistics-forms">
          {t('statistics.forms', { n: formatNumber(view.totals['form.filed'] ?? 0, locale) })}
        </h2>
        <FormAnswers forms={view.forms} lists={response.closingForm} />
      </section>
    </>
  );
}

export function StatisticsPage() {
  const { t } = useLocale();
  // Days as the server counts them (its clock is the one that dated the counts).
  const lastDaysOnServer = (days: number) => lastDays(days, new Date(serverNow()));
  const [period, setPeriod] = useState<Period>(() => lastDaysOnServer(30));
  const [asked, setAsked] = useState<Period>(period);
  const [response, setResponse] = useState<StatisticsResponse | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [view, setView] = useState<View>('figures');

  useEffect(() => {
    let current = true;
    void fetchStatistics(asked).then((answer) => {
      if (!current) return;
      setResponse(answer.ok ? answer : null);
      setProblem(answer.ok ? null : answer.error);
    });
    return () => {
      current = false;
    };
  }, [asked]);

  if (view === 'report' && response) {
    return (
      <main class="statistics is-report" aria-label={t('report.title')}>
        <StatisticsReport response={response} onClose={() => setView('figures')} />
      </main>
    );
  }
  const csv = `/api/statistics.csv?from=${encodeURIComponent(asked.from)}&until=${encodeURIComponent(asked.until)}`;
  return (
    <main class="statistics" aria-labelledby="statistics-title">
      <h1 id="statistics-title">{t('statistics.title')}</h1>
      <form
        class="period"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(period);
        }}
      >
        <TextField
          label={t('statistics.from')}
          type="date"
          value={period.from}
          onInput={(from) => setPeriod({ ...period, from })}
        />
        <TextField
          label={t('statistics.until')}
          type="date"
          value={period.until}
          onInput={(until) => setPeriod({ ...period, until })}
        />
        <button type="submit" class="button button-primary">
          {t('statistics.show')}
        </button>
        {[7, 30, 365].map((days) => (
          <button
            key={days}
            type="button"
            class="button button-quiet button-small"
            onClick={() => {
              setPeriod(lastDaysOnServer(days));
              setAsked(lastDaysOnServer(days));
            }}
          >
            {t('statistics.lastDays', { n: days })}
          </button>
        ))}
      </form>
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      <div class="statistics-actions">
        <div role="tablist" aria-label={t('statistics.views')} class="tabs">
          {(['figures', 'planner'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              class="tab"
              aria-selected={view === name}
              onClick={() => setView(name)}
            >
              {t(`statistics.view.${name}`)}
            </button>
          ))}
        </div>
        <a class="button button-secondary button-small" href={csv} download>
          {t('statistics.csv')}
        </a>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={!response}
          onClick={() => setView('report')}
        >
          {t('statistics.report')}
        </button>
      </div>
      {!response && !problem && <p role="status">{t('app.loading')}</p>}
      {response && view === 'figures' && <Figures response={response} />}
      {response && view === 'planner' && (
        <PlannerPanel key={JSON.stringify(response.period)} measured={measuredPlanInputs(response)} />
      )}
    </main>
  );
}
