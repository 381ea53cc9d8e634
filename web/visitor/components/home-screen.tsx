// Home: is the chat open now, would she be let in (paused, full), the wait she can expect and whether it runs
// past closing time, when it opens next, the weekly hours, and the emergency numbers.
import type { ComponentChildren } from 'preact';
import type { ScheduleStatusView } from '../../../src/protocol/views.ts';
import { plural } from '../../ui/i18n.ts';
import { canStart, type HomeNotice, homeNotice, waitWords } from '../admission.ts';
import type { Problem } from '../conversation-client.ts';
import { formatNextOpening, formatTimeIn, timeZoneLabel } from '../format.ts';
import type { MessageKey } from '../messages.ts';
import type { StatusState } from '../schedule-status.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { Alternatives, PastClosing } from './alternatives.tsx';
import { EmergencyNumbers } from './emergency-numbers.tsx';
import { OpeningHours } from './opening-hours.tsx';

/** Problems said in a line of their own; refusals (paused, full) get the fuller notice instead. */
const problemText: Partial<Record<NonNullable<Problem>, MessageKey>> = {
  'queue-closed': 'home.queueClosed',
  'rate-limited': 'home.rateLimited',
  unavailable: 'home.unavailable',
  unreachable: 'home.unreachable',
  expired: 'home.expired',
};

export interface HomeScreenProps {
  statusState: StatusState;
  starting: boolean;
  problem: Problem;
  onStart: () => void;
  /** Loads the status again and forgets an earlier refusal. */
  onRetry: () => void;
}

export function HomeScreen({ statusState, starting, problem, onStart, onRetry }: HomeScreenProps) {
  const { t } = useTexts();
  const heading = useHeadingFocus();
  const ready = statusState.kind === 'ready' ? statusState : null;
  const notice = ready?.status.open ? homeNotice(ready.status, problem) : null;
  const problemKey = problem ? problemText[problem] : undefined;
  // A paused intake says its message in the notice; otherwise this is raid mode's calm public line, if any.
  const publicLine = ready?.status.open && notice !== 'paused' ? ready.status.admission.message : null;

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('home.heading')}
      </h1>
      <p>{t('home.intro')}</p>
      <div class="card card-status">
        <StatusLine state={statusState} refused={notice === 'paused' || notice === 'full'} onRetry={onRetry} />
        {problemKey && (
          <p class="notice" role="alert">
            {t(problemKey)}
          </p>
        )}
        {publicLine && <p class="notice">{publicLine}</p>}
        {ready && notice && <Notice notice={notice} status={ready.status} now={ready.fetchedAt} onRetry={onRetry} />}
        {ready?.status.open && canStart(notice) && (
          <button type="button" class="button button-primary button-wide" disabled={starting} onClick={onStart}>
            {t('home.start')}
          </button>
        )}
        <p class="muted" role="status">
          {starting ? t('home.starting') : ''}
        </p>
      </div>
      <EmergencyNumbers />
      {ready && <OpeningHours status={ready.status} now={ready.fetchedAt} />}
      <p class="muted">{t('exit.hint')}</p>
    </>
  );
}

interface NoticeProps {
  notice: NonNullable<HomeNotice>;
  status: ScheduleStatusView;
  now: Date;
  onRetry: () => void;
}

/** Why she cannot start now, or why she may not be answered today, and where else to turn. */
function Notice({ notice, status, now, onRetry }: NoticeProps) {
  const { t, locale } = useTexts();
  const { timeZone } = status.schedule;
  const pastClosing = notice === 'past-closing';
  let lead: ComponentChildren = <PastClosing status={status} />;
  let then: string | null = null;
  if (notice === 'paused') {
    lead = t('refused.paused');
    then = status.nextOpensAt
      ? t('refused.pausedNext', {
          when: formatNextOpening(locale, status.nextOpensAt, timeZone, now),
          zone: timeZoneLabel(locale, timeZone),
        })
      : t('refused.pausedLater');
  } else if (notice === 'full') lead = t('refused.full');
  return (
    <div class="notice notice-block" role={pastClosing ? undefined : 'alert'}>
      <p class="notice-lead">{lead}</p>
      {notice === 'paused' && status.admission.message && <p>{status.admission.message}</p>}
      {then && <p>{then}</p>}
      <Alternatives status={pastClosing ? status : null} now={now} />
      {!pastClosing && (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {t('home.retry')}
        </button>
      )}
    </div>
  );
}

interface StatusLineProps {
  state: StatusState;
  /** A refusal replaces the wait and the "no one is free" line. */
  refused: boolean;
  onRetry: () => void;
}

function StatusLine({ state, refused, onRetry }: StatusLineProps) {
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
    const wait = status.estimatedWaitMinutes === null || refused ? null : waitWords(status.estimatedWaitMinutes);
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
        {status.counselorsAvailable === 0 && !refused && <p>{t('home.busy')}</p>}
        {wait && <p>{wait.key === 'waiting.estimate' ? plural(t, locale, wait.key, wait.minutes) : t(wait.key)}</p>}
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
