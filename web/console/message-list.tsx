// The message log of one conversation: the visitor's messages on the left, hers on the right, each with its
// delivery state. It follows new messages unless she has scrolled up to read.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LoggedMessage } from '../ui/message-log.ts';
import { lastReadId } from '../ui/read-mark.ts';
import type { ConversationTab } from './console-state.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import { clockTime } from './time.ts';

const authorKey: Record<LoggedMessage['author'], MessageKey> = {
  visitor: 'conversation.visitorAuthor',
  counselor: 'conversation.meAuthor',
  system: 'conversation.systemAuthor',
};

interface MessageListProps {
  tab: ConversationTab;
  label: string;
  /** Hers are "Vous"; a colleague's (before a transfer or a take-over) carry the colleague's name. */
  meId: string | null;
}

/** A counselor's message written by someone else than the one reading: a colleague's. */
const byColleague = (message: LoggedMessage, meId: string | null) =>
  message.author === 'counselor' && message.staffId != null && meId !== null && message.staffId !== meId;

export function MessageList({ tab, label, meId }: MessageListProps) {
  const { t, locale } = useLocale();
  const list = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useLayoutEffect(() => {
    const element = list.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [tab.log]);

  const onScroll = () => {
    const element = list.current;
    if (element) following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  };

  // The visitor has seen her messages up to here: "Lu" under the last one.
  const readId = lastReadId(tab.log, 'counselor', tab.view.visitorReadSeq);
  const stateText = (message: LoggedMessage) => {
    if (tab.failed.includes(message.clientId)) return t('conversation.failed');
    if (message.clientId === readId) return t('conversation.read');
    return t(message.state === 'pending' ? 'conversation.pending' : 'conversation.sent');
  };

  return (
    <div
      class="messages"
      role="log"
      aria-label={label}
      ref={list}
      onScroll={onScroll}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {tab.log.length === 0 && <p class="messages-empty">{t('conversation.empty')}</p>}
      <ol class="message-items">
        {tab.log.map((message) => {
          const colleague = byColleague(message, meId);
          const colleagueName = message.staffName ?? t('conversation.colleagueAuthor');
          return (
            <li
              key={message.clientId}
              class={`message from-${message.author}${colleague ? ' from-colleague' : ''} is-${message.state}`}
            >
              <span class="visually-hidden">
                {t('conversation.said', { author: colleague ? colleagueName : t(authorKey[message.author]) })}
              </span>
              <p class="message-text">{message.text}</p>
              <p class="message-meta">
                {colleague && <span class="message-author">{colleagueName}</span>}
                {message.sentAt && <time dateTime={message.sentAt}>{clockTime(message.sentAt, locale)}</time>}
                {message.author === 'counselor' && !colleague && (
                  <span class="message-state">{stateText(message)}</span>
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
