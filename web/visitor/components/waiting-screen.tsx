// Waiting in the queue: her place and an honest estimate, updated live and announced politely, with a plain
// warning whenever that estimate runs past closing time, and where else to turn then.
import { useState } from 'preact/hooks';
import type { ScheduleStatusView, VisitorConversationView } from '../../../src/protocol/views.ts';
import { plural } from '../../ui/i18n.ts';
import { waitWords } from '../admission.ts';
import { formatTimeIn } from '../format.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { Alternatives, PastClosing } from './alternatives.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ConnectionNotice } from './connection-notice.tsx';
import { EmergencyNumbers } from './emergency-numbers.tsx';

export interface WaitingScreenProps {
  conversation: VisitorConversationView;
  connected: boolean;
  /** For the closing time and the next opening in the warning; null until loaded. */
  status: ScheduleStatusView | null;
  now: Date;
  onLeave: () => void;
}

export function WaitingScreen({ conversation, connected, status, now, onLeave }: WaitingScreenProps) {
  const { t, locale } = useTexts();
  const heading = useHeadingFocus();
  const [confirming, setConfirming] = useState(false);
  const { position, waitExceedsClosing, servingUntil, urgent } = conversation;
  const zone = status?.schedule.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const wait = waitWords(conversation.estimatedWaitMinutes);
  const estimate = wait.key === 'waiting.estimate' ? plural(t, locale, wait.key, wait.minutes) : t(wait.key);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('waiting.heading')}
      </h1>
      {urgent && <p class="urgent urgent-lead">{t('intake.danger')}</p>}
      {conversation.handedBack && <p class="notice notice-lead">{t('waiting.handedBack')}</p>}
      <div class="card card-waiting" aria-live="polite" aria-atomic="true">
        <span class="waiting-dots" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        {position !== null && (
          <p class="waiting-position">{position === 1 ? t('waiting.first') : t('waiting.position', { n: position })}</p>
        )}
        <p>{estimate}</p>
      </div>
      <div class={waitExceedsClosing || servingUntil ? 'notice notice-block' : undefined}>
        <div aria-live="polite">
          {servingUntil ? (
            <p class="notice-lead">{t('waiting.closedServing', { time: formatTimeIn(locale, servingUntil, zone) })}</p>
          ) : (
            waitExceedsClosing && (
              <p class="notice-lead">
                <PastClosing status={status} />
              </p>
            )
          )}
        </div>
        {(waitExceedsClosing || servingUntil) && <Alternatives status={status} now={now} />}
      </div>
      <ConnectionNotice connected={connected} />
      <p>{t('waiting.keepOpen')}</p>
      <button type="button" class="button button-secondary" onClick={() => setConfirming(true)}>
        {t('waiting.leave')}
      </button>
      <ConfirmDialog
        id="leave-dialog"
        open={confirming}
        title={t('waiting.leaveTitle')}
        body={t('waiting.leaveBody')}
        confirmLabel={t('waiting.leaveYes')}
        cancelLabel={t('waiting.leaveNo')}
        onConfirm={() => {
          setConfirming(false);
          onLeave();
        }}
        onCancel={() => setConfirming(false)}
      />
      <EmergencyNumbers />
    </>
  );
}
