// One person in the waiting list: an "Urgent" mark in words when an answer called for it, how long she has
// waited, whether her connection is gone for now (she keeps her place; "take the next" skips her), and her
// answers to the optional questions in plain words.
import type { IntakeQuestion } from '../../src/protocol/schemas.ts';
import type { QueueEntryView } from '../../src/protocol/views.ts';
import { IntakeAnswerList } from './intake-answer-list.tsx';
import { useLocale } from './locale-context.ts';
import { minutesSince } from './time.ts';

interface QueueEntryProps {
  entry: QueueEntryView;
  questions: readonly IntakeQuestion[];
  now: number;
}

export function QueueEntry({ entry, questions, now }: QueueEntryProps) {
  const { t } = useLocale();
  const minutes = minutesSince(entry.waitingSince, now);
  return (
    <li class={entry.urgent ? 'queue-entry is-urgent' : 'queue-entry'}>
      <p class="queue-entry-head">
        {entry.visitorNumber !== null && (
          <>
            <strong>{t('tabs.visitor', { number: entry.visitorNumber })}</strong>{' '}
          </>
        )}
        {entry.urgent && (
          <>
            <strong class="urgent-mark">{t('queue.urgentMark')}</strong>{' '}
          </>
        )}
        <span>{minutes === 0 ? t('queue.sinceUnderAMinute') : t('queue.sinceMinutes', { minutes })}</span>
        {entry.absent && (
          <>
            {' '}
            <span class="queue-absent">{t('queue.absent')}</span>
          </>
        )}
      </p>
      <IntakeAnswerList questions={questions} answers={entry.intake} />
    </li>
  );
}
