// Whispers from supervision inside the conversation they are about, for the counselor's eyes only: set apart
// from the messages (the visitor never sees them) and announced politely to a screen reader; and, when a
// supervisor took the conversation over, who did.
import { useLocale } from './locale-context.ts';
import { clockTime } from './time.ts';
import { useWhispers } from './whisper-inbox.ts';

export function WhisperNotes({ conversationId }: { conversationId: string }) {
  const { t, locale } = useLocale();
  const { whispers, takenOverBy } = useWhispers(conversationId);
  return (
    <section
      class="whisper-notes"
      aria-label={t('whisper.title')}
      aria-live="polite"
      hidden={whispers.length === 0 && takenOverBy === null}
    >
      {takenOverBy && <p class="whisper-text">{t('whisper.takenOver', { name: takenOverBy })}</p>}
      <ul>
        {whispers.map((whisper) => (
          <li key={whisper.clientId}>
            <p class="whisper-from">
              {t('whisper.from', { name: whisper.fromName })} ·{' '}
              <time dateTime={whisper.sentAt}>{clockTime(whisper.sentAt, locale)}</time>
            </p>
            <p class="whisper-text">{whisper.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
