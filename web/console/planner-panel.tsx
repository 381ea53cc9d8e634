// The capacity planner: what was measured, editable; what today's hours give (Erlang A, Erlang C beside it,
// a simulation of the week's sessions as a cross-check); and what more hours or a budget would give.
import { useMemo, useState } from 'preact/hooks';
import { forecast, type PlanInputs, simulateWeek, spendBudget } from '../../src/core/planning/planner.ts';
import { useLocale } from './locale-context.ts';
import { formatNumber, formatShare, slotName } from './statistics-model.ts';
import { TextField } from './text-field.tsx';

const parse = (text: string) => Number(text.replace(',', '.').trim());
const finite = (text: string, fallback: number) =>
  Number.isFinite(parse(text)) && text.trim() !== '' ? parse(text) : fallback;

export function PlannerPanel({ measured }: { measured: PlanInputs }) {
  const { t, locale } = useLocale();
  const [handle, setHandle] = useState(formatNumber(measured.handleMinutes, 'en', 1));
  const [concurrency, setConcurrency] = useState(String(measured.concurrency));
  const [patience, setPatience] = useState(
    Number.isFinite(measured.patienceMinutes) ? formatNumber(measured.patienceMinutes, 'en', 1) : '',
  );
  const [cost, setCost] = useState(String(measured.hourCost));
  const [weeks, setWeeks] = useState(String(measured.weeksPerYear));
  const [budget, setBudget] = useState('14000');
  const [slots, setSlots] = useState(measured.slots);

  const inputs: PlanInputs = {
    slots,
    handleMinutes: Math.max(1, finite(handle, measured.handleMinutes)),
    concurrency: Math.max(1, Math.round(finite(concurrency, measured.concurrency))),
    patienceMinutes: patience.trim() === '' ? Number.POSITIVE_INFINITY : Math.max(0.5, finite(patience, 20)),
    hourCost: Math.max(1, finite(cost, measured.hourCost)),
    weeksPerYear: Math.min(53, Math.max(1, Math.round(finite(weeks, measured.weeksPerYear)))),
  };
  const key = JSON.stringify(inputs);
  const week = useMemo(() => forecast(inputs), [key]);
  const simulated = useMemo(() => simulateWeek(inputs, { runs: 100 }), [key]);
  const plan = useMemo(() => spendBudget(inputs, Math.max(0, finite(budget, 0))), [key, budget]);
  const overloaded = week.slots.filter((slot) => slot.overloaded).length;
  // Over the week's requests: each hour's mean wait weighs as much as the requests it gets.
  const meanWait =
    week.requestsPerWeek > 0
      ? week.slots.reduce(
          (sum, slot) =>
            sum + (Number.isFinite(slot.meanWaitMinutes) ? slot.meanWaitMinutes : 0) * slot.arrivalsPerHour,
          0,
        ) / week.requestsPerWeek
      : 0;
  const setSlot = (index: number, change: Partial<(typeof slots)[number]>) =>
    setSlots((current) => current.map((slot, other) => (other === index ? { ...slot, ...change } : slot)));

  return (
    <section class="panel planner" aria-labelledby="planner-title">
      <h2 id="planner-title">{t('planner.title')}</h2>
      <p class="hint">{t('planner.intro')}</p>
      <fieldset class="planner-inputs">
        <legend>{t('planner.measured')}</legend>
        <TextField
          label={t('planner.handle')}
          value={handle}
          onInput={setHandle}
          inputMode="decimal"
          class="field-narrow"
        />
        <TextField
          label={t('planner.concurrency')}
          hint={t('planner.concurrencyHint')}
          value={concurrency}
          onInput={setConcurrency}
          inputMode="numeric"
          class="field-narrow"
        />
        <TextField
          label={t('planner.patience')}
          hint={t('planner.patienceHint')}
          value={patience}
          onInput={setPatience}
          inputMode="decimal"
          class="field-narrow"
        />
        <TextField label={t('planner.cost')} value={cost} onInput={setCost} inputMode="decimal" class="field-narrow" />
        <TextField
          label={t('planner.weeks')}
          value={weeks}
          onInput={setWeeks}
          inputMode="numeric"
          class="field-narrow"
        />
      </fieldset>

      <div class="planner-answer" role="status">
        <p>
          {t('planner.today', {
            answered: formatNumber(week.answeredPerWeek, locale, 1),
            requests: formatNumber(week.requestsPerWeek, locale, 1),
            share: formatShare(week.answeredShare, locale),
            hours: formatNumber(week.counselorHoursPerWeek, locale, 1),
            abandoned: formatNumber(week.requestsPerWeek - week.answeredPerWeek, locale, 1),
            wait: formatNumber(meanWait, locale, 1),
          })}
        </p>
        <p class="hint">{t('planner.simulated', { answered: formatNumber(simulated, locale, 1) })}</p>
        {overloaded > 0 && <p class="notice">{t('planner.overloaded', { n: overloaded })}</p>}
      </div>

      <table class="figures planner-slots">
        <caption>{t('planner.slots')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statistics.slot')}</th>
            <th scope="col">{t('planner.arrivals')}</th>
            <th scope="col">{t('planner.counselors')}</th>
            <th scope="col">{t('planner.answered')}</th>
            <th scope="col">{t('planner.wait')}</th>
            <th scope="col">{t('planner.erlangC')}</th>
          </tr>
        </thead>
        <tbody>
          {week.slots.map((slot, index) => {
            const name = slotName(slot, locale);
            return (
              <tr key={`${slot.weekday}:${slot.hour}`}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    aria-label={t('planner.arrivalsOf', { slot: name })}
                    inputMode="decimal"
                    value={formatNumber(slots[index]?.arrivalsPerHour ?? 0, 'en', 2)}
                    onChange={(event) =>
                      setSlot(index, { arrivalsPerHour: Math.max(0, finite(event.currentTarget.value, 0)) })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={t('planner.counselorsOf', { slot: name })}
                    inputMode="decimal"
                    value={formatNumber(slots[index]?.counselors ?? 0, 'en', 2)}
                    onChange={(event) =>
                      setSlot(index, { counselors: Math.max(0, finite(event.currentTarget.value, 0)) })
                    }
                  />
                </td>
                <td>{slot.arrivalsPerHour > 0 ? formatShare(slot.answeredShare, locale) : '—'}</td>
                <td>
                  {Number.isFinite(slot.meanWaitMinutes) ? `${formatNumber(slot.meanWaitMinutes, locale, 1)} min` : '—'}
                </td>
                <td>
                  {slot.erlangCWaitMinutes === null
                    ? t('planner.noFiniteAnswer')
                    : `${formatNumber(slot.erlangCWaitMinutes, locale, 1)} min`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <fieldset class="planner-inputs">
        <legend>{t('planner.whatIf')}</legend>
        <TextField
          label={t('planner.budget')}
          value={budget}
          onInput={setBudget}
          inputMode="decimal"
          class="field-narrow"
        />
      </fieldset>
      <div class="planner-answer" role="status" aria-label={t('planner.budgetAnswerLabel')}>
        <p>
          {t('planner.budgetAnswer', {
            budget: formatNumber(Math.max(0, finite(budget, 0)), locale),
            hours: formatNumber(plan.hoursPerWeek, locale),
            week: formatNumber(plan.morePerWeek, locale, 1),
            year: formatNumber(Math.round(plan.morePerYear), locale),
          })}
        </p>
        {plan.added.length > 0 && (
          <ul>
            {plan.added.map((slot) => (
              <li key={`${slot.weekday}:${slot.hour}`}>
                {t('planner.where', { slot: slotName(slot, locale), hours: formatNumber(slot.hours, locale) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p class="hint">{t('planner.method')}</p>
    </section>
  );
}
