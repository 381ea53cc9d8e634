// After the conversation: who ended it, thanks, a way to erase it from this device, the emergency numbers
// again and a way back.
import { useEffect, useRef } from 'preact/hooks';
import type { ClosedReason } from '../../../src/protocol/views.ts';
import type { VisitorSnapshot } from '../conversation-client.ts';
import type { MessageKey } from '../messages.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { EmergencyNumbers } from './emergency-numbers.tsx';

const reasonText: Readonly<Record<ClosedReason, MessageKey>> = {
  served: 'closed.byCounselor',
  visitor_left: 'closed.byYou',
  visitor_left_quickly: 'closed.byYou',
  abandoned_in_queue: 'closed.abandoned',
  // Never sent to a visitor (she is told `served`); listed so that the map stays complete.
  blocked: 'closed.byCounselor',
};

export function closingKey(snapshot: Pick<VisitorSnapshot, 'endedByVisitor' | 'conversation'>): MessageKey | null {
  if (snapshot.endedByVisitor === 'waiting') return 'closed.leftQueue';
  if (snapshot.endedByVisitor === 'active') return 'closed.byYou';
  const reason = snapshot.conversation?.closedReason;
  return reason ? reasonText[reason] : null;
}

export interface ClosedScreenProps {
  snapshot: VisitorSnapshot;
  onHome: () => void;
  onErase: () => void;
}

export function ClosedScreen({ snapshot, onHome, onErase }: ClosedScreenProps) {
  const { t } = useTexts();
  const heading = useHeadingFocus();
  const done = useRef<HTMLParagraphElement>(null);
  const who = closingKey(snapshot);
  // The erase button disappears with the click: focus goes to the confirmation, so that it is heard.
  useEffect(() => {
    if (snapshot.erased) done.current?.focus();
  }, [snapshot.erased]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('closed.heading')}
      </h1>
      <div class="card">
        {snapshot.erased ? (
          <p ref={done} tabIndex={-1} class="erased" role="status">
            {t('erase.done')}
          </p>
        ) : (
          <>
            {who && <p>{t(who)}</p>}
            <p>{t('closed.thanks')}</p>
            <p>{t('closed.comeBack')}</p>
          </>
        )}
        <p class="notice">{t('closed.safety')}</p>
        <div class="actions">
          {!snapshot.erased && (
            <button type="button" class="button button-secondary" onClick={onErase}>
              {t('erase.button')}
            </button>
          )}
          <button type="button" class="button button-primary" onClick={onHome}>
            {t('closed.home')}
          </button>
        </div>
      </div>
      <EmergencyNumbers />
    </>
  );
}
