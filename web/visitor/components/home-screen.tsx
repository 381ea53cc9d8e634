// Home: is the chat open now, when it opens next, the weekly hours, and the emergency numbers.
// One button starts a conversation; nothing is asked of her.
import { useEffect } from 'preact/hooks';
import type { Locale } from '../../ui/i18n.ts';
import type { Problem } from '../conversation-client.ts';
import { formatNextOpening, formatTimeIn, timeZoneLabel } from '../format.ts';
import type { MessageKey } from '../messages.ts';
import { type StatusState, useScheduleStatus } from '../schedule-status.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { EmergencyNumbers } from './emergency-numbers.tsx';
import { OpeningHours } from './opening-hours.tsx';

const problemText: Readonly<Record<NonNullable<Problem>, MessageKey>> = {
  'queue-closed': 'home.queueClosed',
  unreachable: 'home.unreachable',
  expired: 'home.expired',
};

export interface HomeScreenProps {
  starting: boolean;
  problem: Problem;
  onStart: (locale: Locale) => void;
}

export function HomeScreen({ starting, problem, onStart }: HomeScreenProps) {
  const { t, locale } = useTexts();
  const heading = useHeadingFocus();
  const [statusState, refresh] = useScheduleStatus();
  useEffect(() => {
    if (problem === 'queue-closed') refresh();
  }, [problem, refresh]);
  const open = statusState.kind === 'ready' && statusState.status.open;

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('home.heading')}
      </h1>
      <p>{t('home.intro')}</p>
      <div class="card card-status">
        <StatusLine state={statusState} onRetry={refresh} />
        {problem && (
          <p class="notice" role="alert">
            {t(problemText[problem])}
          </p>
        )}
        {open && (
          <button
            type="button"
            class="button button-primary button-wide"
            disabled={starting}
            onClick={() => onStart(locale)}
          >
            {t('home.start')}
          </button>
        )}
        <p class="muted" role="status">
          {starting ? t('home.starting') : ''}
        </p>
      </div>
      <EmergencyNumbers />
      {statusState.kind === 'ready' && <OpeningHours status={statusState.status} now={statusState.fetchedAt} />}
      <p class="muted">{t('exit.hint')}</p>
    </>
  );
}

function StatusLine({ state, onRetry }: { state: StatusState; onRetry: () => void }) {
  const { t, locale } = useTexts();
  if (state.kind === 'loading') return <p>{t('home.statusLoading')}</p>;
  if (state.kind === 'failed') {
    return (
      <>
        <p>{t('home.statusFailed')}</p>
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {t('home.retry')}
        </button>
      </>
    );
  }
  const { status, fetchedAt } = state;
  const zone = timeZoneLabel(locale, status.schedule.timeZone);
  if (status.open) {
    return (
      <>
        <p class="status status-open">
          {status.closesAt
            ? t('home.openUntil', {
                time: formatTimeIn(locale, status.closesAt, status.schedule.timeZone),
                zone,
              })
            : t('home.open')}
        </p>
        {status.counselorsAvailable === 0 && <p>{t('home.busy')}</p>}
      </>
    );
  }
  return (
    <>
      <p class="status status-closed">{t('home.closed')}</p>
      <p>
        {status.nextOpensAt
          ? t('home.nextOpening', {
              when: formatNextOpening(locale, status.nextOpensAt, status.schedule.timeZone, fetchedAt),
              zone,
            })
          : t('home.noNextOpening')}
      </p>
    </>
  );
}
