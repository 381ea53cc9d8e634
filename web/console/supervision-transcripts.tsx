// Conversations that ended in the last 24 hours, for a supervisor who must look back at one (a counselor asks
// for advice, a complaint): listed only when she asks, and each transcript opened is in the audit log.
import { useState } from 'preact/hooks';
import type { ClosedConversationView, WatchedConversationView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { SupervisionClient } from './supervision-client.ts';
import { ReadOnlyMessages } from './supervision-watch.tsx';
import { clockTime } from './time.ts';

export function SupervisionTranscripts({ client }: { client: SupervisionClient | null }) {
  const { t, locale } = useLocale();
  const [closed, setClosed] = useState<ClosedConversationView[] | null>(null);
  const [transcript, setTranscript] = useState<WatchedConversationView | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const list = async () => {
    if (!client) return;
    const ack = await client.recentlyClosed();
    setProblem(ack.ok ? null : ack.error);
    if (ack.ok) setClosed(ack.conversations);
  };
  const read = async (conversationId: string) => {
    if (!client) return;
    const ack = await client.readClosed(conversationId);
    setProblem(ack.ok ? null : ack.error);
    setTranscript(ack.ok ? ack.transcript : null);
  };

  return (
    <section class="panel transcripts" aria-labelledby="transcripts-title">
      <h2 id="transcripts-title">{t('transcripts.title')}</h2>
      <p class="hint">{t('transcripts.hint')}</p>
      {closed === null ? (
        <button type="button" class="button button-quiet button-small" onClick={list} disabled={!client}>
          {t('transcripts.show')}
        </button>
      ) : closed.length === 0 ? (
        <p>{t('transcripts.none')}</p>
      ) : (
        <ul class="transcript-list">
          {closed.map((conversation) => (
            <li key={conversation.id}>
              <span>
                {t('transcripts.item', {
                  name: conversation.counselorName ?? '—',
                  time: clockTime(conversation.closedAt, locale),
                })}
              </span>
              <button
                type="button"
                class="button button-quiet button-small"
                aria-label={t('transcripts.readLabel', {
                  name: conversation.counselorName ?? '—',
                  time: clockTime(conversation.closedAt, locale),
                })}
                onClick={() => read(conversation.id)}
              >
                {t('transcripts.read')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      {transcript && (
        <div class="transcript">
          <div class="conversation-head">
            <h3>{t('transcripts.of', { name: transcript.counselorName ?? '—' })}</h3>
            <button type="button" class="button button-quiet button-small" onClick={() => setTranscript(null)}>
              {t('transcripts.close')}
            </button>
          </div>
          <div
            class="messages"
            role="log"
            aria-label={t('transcripts.log', { name: transcript.counselorName ?? '—' })}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            tabIndex={0}
          >
            <ReadOnlyMessages messages={transcript.messages} />
          </div>
        </div>
      )}
    </section>
  );
}
