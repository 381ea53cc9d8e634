// Whispers from supervision inside the conversation they are about, for the counselor's eyes only: set apart
// from the messages (the visitor never sees them) and announced politely to a screen reader.
import { useLocale } from './locale-context.ts';
import { clockTime } from './time.ts';
import { useWhispers } from './whisper-inbox.ts';

export function WhisperNotes({ conversationId }: { conversationId: string }) {
  const { t, locale } = useLocale();
  const whispers = useWhispers(conversationId);
  return (
    <section class="whisper-notes" aria-label={t('whisper.title')} aria-live="polite" hidden={whispers.length === 0}>
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
