// The weekly opening hours in the helpline's time zone, with the exceptional closures coming soon.
import type { ScheduleStatusView } from '../../../src/protocol/views.ts';
import { timeZoneLabel, upcomingClosures, weeklyHours } from '../format.ts';
import { useTexts } from '../texts.ts';

export function OpeningHours({ status, now }: { status: ScheduleStatusView; now: Date }) {
  const { t, locale } = useTexts();
  const { timeZone, slots, closures } = status.schedule;
  const days = weeklyHours(locale, slots);
  const soonClosed = upcomingClosures(locale, closures, timeZone, now);
  return (
    <section class="card" aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('hours.heading')}</h2>
      {days.length > 0 ? (
        <dl class="hours">
          {days.map((day) => (
            <div class="hours-row" key={day.day}>
              <dt>{day.name}</dt>
              <dd>{day.ranges.join(', ')}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('hours.none')}</p>
      )}
      <p class="muted">{t('hours.zone', { zone: timeZoneLabel(locale, timeZone) })}</p>
      {soonClosed.length > 0 && (
        <>
          <p>{t('hours.closures')}</p>
          <ul class="closures">
            {soonClosed.map((closure) => (
              <li key={closure}>{closure}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
