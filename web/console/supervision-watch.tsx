// The conversation a supervisor reads silently: its messages as they come, read-only, and a box to whisper to
// the counselor (who alone sees it, inside that conversation) or to take the conversation over, after a question.
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/limits.ts';
import type { Author, MessageView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { ownTake } from './own-takes.ts';
import type { SupervisionClient } from './supervision-client.ts';
import type { WatchedConversation } from './supervision-state.ts';
import { clockTime } from './time.ts';

const authorKey: Record<Author, MessageKey> = {
  visitor: 'supervision.visitorAuthor',
  counselor: 'supervision.counselorAuthor',
  system: 'supervision.systemAuthor',
};

function WhisperForm({ client, name }: { client: SupervisionClient; name: string }) {
  const { t } = useLocale();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const sendable = text.trim().length > 0 && text.length <= MAX_MESSAGE_LENGTH && !busy;
  const send = async (event: Event) => {
    event.preventDefault();
    if (!sendable) return;
    setBusy(true);
    const ack = await client.whisper(text);
    setBusy(false);
    setError(ack.ok ? null : ack.error);
    if (ack.ok) setText('');
  };
  return (
    <form class="whisper-form" onSubmit={send}>
      <label for={id}>{t('supervision.whisperLabel', { name })}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        aria-describedby={`${id}-hint`}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div class="composer-foot">
        <p class="hint" id={`${id}-hint`}>
          {t('supervision.whisperHint')}
        </p>
        <button type="submit" class="button button-primary button-small watch-action" disabled={!sendable}>
          {t('supervision.whisperSend')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </form>
  );
}

function TakeOver({
  client,
  name,
  onTakenOver,
}: {
  client: SupervisionClient;
  name: string;
  onTakenOver: (id: string) => void;
}) {
  const { t } = useLocale();
  const takeOver = async () => {
    // Her own take-over calls for no "given to you" alert.
    const ack = await ownTake(() => client.takeOver());
    if (!ack.ok) return ack.error;
    onTakenOver(ack.conversation.id);
    return null;
  };
  return (
    <ConfirmAction
      name="take-over"
      label={t('supervision.takeOver')}
      question={t('supervision.takeOverConfirm', { name })}
      yes={t('supervision.takeOverYes')}
      no={t('supervision.takeOverNo')}
      tone="primary"
      onConfirm={takeOver}
    />
  );
}

/** The messages of a conversation a supervisor reads, whose author is said to screen readers. */
export function ReadOnlyMessages({ messages }: { messages: readonly MessageView[] }) {
  const { t, locale } = useLocale();
  if (messages.length === 0) return <p class="messages-empty">{t('supervision.watchEmpty')}</p>;
  return (
    <ol class="message-items">
      {messages.map((message) => (
        <li key={message.seq} class={`message from-${message.author}`}>
          <span class="visually-hidden">{`${t(authorKey[message.author])} : `}</span>
          <p class="message-text">{message.text}</p>
          <p class="message-meta">
            <time dateTime={message.sentAt}>{clockTime(message.sentAt, locale)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

interface SupervisionWatchProps {
  watched: WatchedConversation | null;
  /** Her counselor now, from the live board; the name given when the reading began until the board says. */
  counselorName: string | null;
  client: SupervisionClient | null;
  error: ApiError | null;
  /** She took the conversation over: it is now one of her own. */
  onTakenOver: (conversationId: string) => void;
}

export function SupervisionWatch({ watched, counselorName, client, error, onTakenOver }: SupervisionWatchProps) {
  const { t, locale } = useLocale();
  const list = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [watched?.messages]);

  if (!watched) {
    return error ? (
      <section class="panel watch">
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      </section>
    ) : null;
  }
  const name = counselorName ?? watched.counselorName ?? '—';
  const closed = watched.conversation.status === 'closed';
  return (
    <section class="panel watch" aria-labelledby="watch-title">
      <div class="conversation-head">
        <div>
          <h2 id="watch-title">{t('supervision.watchTitle')}</h2>
          <p class="hint">{t('supervision.watchOf', { name })}</p>
          <p class="hint">{t('supervision.watchHint')}</p>
        </div>
        <button type="button" class="button button-quiet button-small watch-action" onClick={() => client?.unwatch()}>
          {t('supervision.stopReading')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <div
        class="messages"
        role="log"
        aria-label={t('supervision.watchLog', { name })}
        ref={list}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
      >
        <ReadOnlyMessages messages={watched.messages} />
      </div>
      {closed ? (
        <p class="closed" role="status">
          {t('supervision.watchClosed')}
        </p>
      ) : (
        client && (
          <>
            <WhisperForm client={client} name={name} />
            <TakeOver client={client} name={name} onTakenOver={onTakenOver} />
          </>
        )
      )}
      {watched.whispers.length > 0 && (
        <section aria-label={t('supervision.whispersSent')} class="whispers">
          <h3>{t('supervision.whispersSent')}</h3>
          <ul>
            {watched.whispers.map((whisper) => (
              <li key={whisper.clientId}>
                <time dateTime={whisper.sentAt}>{clockTime(whisper.sentAt, locale)}</time> {whisper.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
