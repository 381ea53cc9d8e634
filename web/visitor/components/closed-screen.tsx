// After the conversation: who ended it, thanks, a way to erase it from this device, the emergency numbers
// again and a way back. When the chat closed before anyone could answer her: sorry, the lines that answer day
// and night, and the next opening.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SurveyAnswer } from '../../../src/protocol/schemas.ts';
import type { ClosedReason, ScheduleStatusView } from '../../../src/protocol/views.ts';
import type { VisitorSnapshot } from '../conversation-client.ts';
import type { MessageKey } from '../messages.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { Alternatives } from './alternatives.tsx';
import { EmergencyNumbers } from './emergency-numbers.tsx';

/** `raid_wave`, like `blocked`, is never sent to a visitor (she is told `served`). */
const reasonText: Readonly<Record<Exclude<ClosedReason, 'raid_wave'>, MessageKey>> = {
  served: 'closed.byCounselor',
  visitor_left: 'closed.byYou',
  visitor_left_quickly: 'closed.byYou',
  abandoned_in_queue: 'closed.abandoned',
  turned_away_at_closing: 'closed.turnedAway',
  connection_lost: 'closed.connectionLost',
  // Never sent to a visitor (she is told `served`); listed so that the map stays complete.
  blocked: 'closed.byCounselor',
};

export function closingKey(snapshot: Pick<VisitorSnapshot, 'endedByVisitor' | 'conversation'>): MessageKey | null {
  if (snapshot.endedByVisitor === 'waiting') return 'closed.leftQueue';
  if (snapshot.endedByVisitor === 'active') return 'closed.byYou';
  const reason = snapshot.conversation?.closedReason;
  return reason ? reasonText[reason as Exclude<ClosedReason, 'raid_wave'>] : null;
}

export interface ClosedScreenProps {
  snapshot: VisitorSnapshot;
  /** For the next opening, when the chat closed before she was answered; null until loaded. */
  status: ScheduleStatusView | null;
  now: Date;
  onHome: () => void;
  /** Takes a place in the queue again at once (offered when her connection was lost). */
  onRejoin: () => void;
  onErase: () => void;
  /** Her answer to "Did this help?", once. */
  onSurvey: (answer: SurveyAnswer) => void;
}

const surveyChoices: readonly [SurveyAnswer, MessageKey][] = [
  ['yes', 'survey.yes'],
  ['somewhat', 'survey.somewhat'],
  ['no', 'survey.no'],
];

/** One optional question, asked only once someone answered her; a thank-you in its place once answered. */
function Survey({ asked, onSurvey }: { asked: boolean; onSurvey: (answer: SurveyAnswer) => void }) {
  const { t } = useTexts();
  const [answered, setAnswered] = useState(false);
  if (answered) {
    return (
      <p role="status" class="survey-thanks">
        {t('survey.thanks')}
      </p>
    );
  }
  if (!asked) return null;
  return (
    <fieldset class="survey">
      <legend>{t('survey.question')}</legend>
      <div class="actions">
        {surveyChoices.map(([answer, label]) => (
          <button
            key={answer}
            type="button"
            class="button button-secondary"
            onClick={() => {
              setAnswered(true);
              onSurvey(answer);
            }}
          >
            {t(label)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function ClosedScreen({ snapshot, status, now, onHome, onRejoin, onErase, onSurvey }: ClosedScreenProps) {
  const { t } = useTexts();
  const heading = useHeadingFocus();
  const done = useRef<HTMLParagraphElement>(null);
  const who = closingKey(snapshot);
  const turnedAway = who === 'closed.turnedAway';
  const lost = who === 'closed.connectionLost' && !snapshot.erased;
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
            {turnedAway && <Alternatives status={status} now={now} />}
            {!turnedAway && !lost && (
              <>
                <p>{t('closed.thanks')}</p>
                <p>{t('closed.comeBack')}</p>
              </>
            )}
            <Survey asked={snapshot.surveyToken !== null} onSurvey={onSurvey} />
          </>
        )}
        <p class="notice">{t('closed.safety')}</p>
        <div class="actions">
          {lost && (
            <button type="button" class="button button-primary" onClick={onRejoin}>
              {t('closed.rejoin')}
            </button>
          )}
          {!snapshot.erased && (
            <button type="button" class="button button-secondary" onClick={onErase}>
              {t('erase.button')}
            </button>
          )}
          <button type="button" class={lost ? 'button button-secondary' : 'button button-primary'} onClick={onHome}>
            {t('closed.home')}
          </button>
        </div>
      </div>
      <EmergencyNumbers />
    </>
  );
}
