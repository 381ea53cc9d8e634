// Who else she can turn to when the chat cannot take her now (paused, full, or the wait runs past closing):
// the two free national lines that answer day and night, and when the chat opens next. Their details are in
// the emergency numbers further down the page.
import type { ScheduleStatusView } from '../../../src/protocol/views.ts';
import { emergencyContacts } from '../../ui/emergency.ts';
import { formatNextOpening, formatTimeIn, timeZoneLabel } from '../format.ts';
import { useTexts } from '../texts.ts';

const lines = emergencyContacts.filter((contact) => contact.number === '3919' || contact.number === '119');

export function Alternatives({ status, now }: { status: ScheduleStatusView | null; now: Date }) {
  const { t, locale } = useTexts();
  const next = status?.nextOpensAt;
  return (
    <div class="alternatives">
      <p>{t('alt.heading')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.number}>
            <a href={line.href}>
              <strong>{line.number}</strong> {line.name[locale]}
            </a>
          </li>
        ))}
      </ul>
      {status && next && (
        <p>
          {t('home.nextOpening', {
            when: formatNextOpening(locale, next, status.schedule.timeZone, now),
            zone: timeZoneLabel(locale, status.schedule.timeZone),
          })}
        </p>
      )}
    </div>
  );
}

/** "The estimated wait runs past closing time (18 h) …", with the time when the status gives it. */
export function PastClosing({ status }: { status: ScheduleStatusView | null }) {
  const { t, locale } = useTexts();
  const closesAt = status?.closesAt;
  return (
    <>
      {status && closesAt
        ? t('wait.pastClosing', { time: formatTimeIn(locale, closesAt, status.schedule.timeZone) })
        : t('wait.pastClosingNoTime')}
    </>
  );
}
