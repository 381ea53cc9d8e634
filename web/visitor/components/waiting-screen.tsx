// Waiting in the queue: her place and an honest estimate, updated live and announced politely.
import { useState } from 'preact/hooks';
import type { VisitorConversationView } from '../../../src/protocol/views.ts';
import { plural } from '../../ui/i18n.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ConnectionNotice } from './connection-notice.tsx';
import { EmergencyNumbers } from './emergency-numbers.tsx';

export interface WaitingScreenProps {
  conversation: VisitorConversationView;
  connected: boolean;
  onLeave: () => void;
}

export function WaitingScreen({ conversation, connected, onLeave }: WaitingScreenProps) {
  const { t, locale } = useTexts();
  const heading = useHeadingFocus();
  const [confirming, setConfirming] = useState(false);
  const { position, estimatedWaitMinutes: minutes } = conversation;

  let estimate: string;
  if (minutes === null) estimate = t('waiting.unknown');
  else if (minutes < 1) estimate = t('waiting.soon');
  else if (minutes > 60) estimate = t('waiting.long');
  else estimate = plural(t, locale, 'waiting.estimate', Math.round(minutes));

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('waiting.heading')}
      </h1>
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
