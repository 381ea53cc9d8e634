// The conversation so far: her messages on one side with their delivery state, the counselor's on the
// other. It stays scrolled to the newest message unless she scrolled up to read.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LoggedMessage } from '../../ui/message-log.ts';
import { lastReadId } from '../../ui/read-mark.ts';
import { formatMessageTime } from '../format.ts';
import type { MessageKey } from '../messages.ts';
import { useTexts } from '../texts.ts';

const authorLabel: Readonly<Record<LoggedMessage['author'], MessageKey>> = {
  visitor: 'chat.you',
  counselor: 'chat.counselor',
  system: 'chat.system',
};

const NEAR_BOTTOM_PX = 80;

export interface MessageListProps {
  log: readonly LoggedMessage[];
  failed: ReadonlySet<string>;
  onRetry: (clientId: string) => void;
  /** Her counselor has read up to here: "lu" under her last message read. */
  readSeq: number;
}

export function MessageList({ log, failed, onRetry, readSeq }: MessageListProps) {
  const { t } = useTexts();
  const ref = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const last = log.at(-1);
  const readId = lastReadId(log, 'visitor', readSeq);

  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    if (stickToBottom.current || (last?.author === 'visitor' && last.state === 'pending')) {
      list.scrollTop = list.scrollHeight;
    }
  }, [log.length, last]);

  return (
    <div
      ref={ref}
      class="messages"
      role="log"
      aria-label={t('chat.messages')}
      aria-relevant="additions"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      onScroll={(event) => {
        const list = event.currentTarget;
        stickToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      {log.length === 0 && <p class="messages-empty">{t('chat.start')}</p>}
      <ol class="message-items">
        {log.map((message) => (
          <MessageItem
            key={message.clientId}
            message={message}
            failed={failed.has(message.clientId)}
            read={message.clientId === readId}
            onRetry={onRetry}
          />
        ))}
      </ol>
    </div>
  );
}

interface MessageItemProps {
  message: LoggedMessage;
  failed: boolean;
  read: boolean;
  onRetry: (clientId: string) => void;
}

function MessageItem({ message, failed, read, onRetry }: MessageItemProps) {
  const { t, locale } = useTexts();
  const time = message.sentAt ? formatMessageTime(locale, message.sentAt) : null;
  let meta: ComponentChildren = null;
  if (message.author === 'visitor') {
    if (failed) {
      meta = (
        <>
          <span class="message-failed">{t('chat.failed')}</span>{' '}
          <button type="button" class="button-link" onClick={() => onRetry(message.clientId)}>
            {t('chat.retry')}
          </button>
        </>
      );
    } else if (message.state === 'pending') meta = t('chat.pending');
    else {
      meta = time ? t('chat.sentAt', { time }) : t('chat.sent');
      if (read) meta = [meta, ' · ', <span key="read">{t('chat.read')}</span>];
    }
  } else if (time) {
    meta = time;
  }
  return (
    <li class={`message message-${message.author}`}>
      <span class="visually-hidden">{t(authorLabel[message.author])} </span>
      <span class="message-text">{message.text}</span>
      {meta && <span class="message-meta">{meta}</span>}
    </li>
  );
}
