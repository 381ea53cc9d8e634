// How long an open conversation has lasted, against the 30-minute target: the minutes in plain text, and from
// 25 minutes a calm note. The note is a polite live region so that it is heard once; the minutes are not.
import { durationStage } from './conversation-duration.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';

const stageNotes: Record<ReturnType<typeof durationStage>, MessageKey | null> = {
  running: null,
  nearTarget: 'duration.nearTarget',
  targetReached: 'duration.targetReached',
};

export function ConversationTimer({ minutes }: { minutes: number }) {
  const { t } = useLocale();
  const note = stageNotes[durationStage(minutes)];
  return (
    <>
      <p class="hint duration">{minutes < 1 ? t('duration.underAMinute') : t('duration.elapsed', { minutes })}</p>
      <p class="duration-note" role="status">
        {note ? t(note) : ''}
      </p>
    </>
  );
}
