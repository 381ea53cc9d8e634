// Her reply box: Enter sends, Shift+Enter starts a new line; a throttled "typing" hint goes to the visitor.
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/limits.ts';
import { plural } from '../ui/i18n.ts';
import type { ConsoleClient } from './console-client.ts';
import type { ConversationTab } from './console-state.ts';
import { useLocale } from './locale-context.ts';
import { createTypingSignal } from './typing-signal.ts';

interface ComposerProps {
  tab: ConversationTab;
  client: ConsoleClient | null;
  /** What she had written here before switching tabs. */
  initialDraft: string;
  onDraft: (text: string) => void;
}

export function Composer({ tab, client, initialDraft, onDraft }: ComposerProps) {
  const { t, locale } = useLocale();
  const id = useId();
  const [draft, setDraftState] = useState(initialDraft);
  const setDraft = (text: string) => {
    setDraftState(text);
    onDraft(text);
  };
  const conversationId = tab.view.id;

  const typing = useMemo(
    () =>
      createTypingSignal({
        emit: (value) => client?.typing(conversationId, value),
        now: Date.now,
        setTimer: (callback, ms) => setTimeout(callback, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      }),
    [client, conversationId],
  );
  useEffect(() => () => typing.stop(), [typing]);

  const excess = draft.length - MAX_MESSAGE_LENGTH;
  const sendable = draft.trim().length > 0 && excess <= 0 && client !== null;

  const send = () => {
    if (!sendable) return;
    typing.stop();
    client?.send(conversationId, draft);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // isComposing: Enter that confirms an input-method composition must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for={id}>{t('conversation.reply')}</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        aria-describedby={`${id}-hint`}
        aria-invalid={excess > 0}
        onInput={(event) => {
          setDraft(event.currentTarget.value);
          typing.input(event.currentTarget.value.trim().length > 0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => typing.stop()}
      />
      <div class="composer-foot">
        <p class="hint" id={`${id}-hint`}>
          {excess > 0 ? plural(t, locale, 'conversation.tooLong', excess) : t('conversation.sendHint')}
        </p>
        <button type="submit" class="button button-primary" disabled={!sendable}>
          {t('conversation.send')}
        </button>
      </div>
    </form>
  );
}
