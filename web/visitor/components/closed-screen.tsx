// After the conversation: who ended it, thanks, the emergency numbers again and a way back.
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
};

export function closingKey(snapshot: Pick<VisitorSnapshot, 'endedByVisitor' | 'conversation'>): MessageKey | null {
  if (snapshot.endedByVisitor === 'waiting') return 'closed.leftQueue';
  if (snapshot.endedByVisitor === 'active') return 'closed.byYou';
  const reason = snapshot.conversation?.closedReason;
  return reason ? reasonText[reason] : null;
}

export function ClosedScreen({ snapshot, onHome }: { snapshot: VisitorSnapshot; onHome: () => void }) {
  const { t } = useTexts();
  const heading = useHeadingFocus();
  const who = closingKey(snapshot);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('closed.heading')}
      </h1>
      <div class="card">
        {who && <p>{t(who)}</p>}
        <p>{t('closed.thanks')}</p>
        <p>{t('closed.comeBack')}</p>
        <p class="notice">{t('closed.safety')}</p>
        <button type="button" class="button button-primary" onClick={onHome}>
          {t('closed.home')}
        </button>
      </div>
      <EmergencyNumbers />
    </>
  );
}
