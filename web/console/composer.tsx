// Her reply box: Enter sends, Shift+Enter starts a new line; a throttled "typing" hint goes to the visitor.
// Typing `/` at the start of a word opens the canned answers that match what follows.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { matchCannedAnswers, replaceRange, type SlashQuery, slashQueryAt } from '../../src/core/canned-answers.ts';
import type { CannedAnswerView } from '../../src/protocol/canned-answers.ts';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/limits.ts';
import { plural } from '../ui/i18n.ts';
import { useCannedAnswers } from './canned-api.ts';
import { CannedMenu, cannedText, optionId } from './canned-menu.tsx';
import type { ConsoleClient } from './console-client.ts';
import type { ConversationTab } from './console-state.ts';
import { useLocale } from './locale-context.ts';
import { createTypingSignal } from './typing-signal.ts';

const SHOWN_MATCHES = 8;

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
  const textarea = useRef<HTMLTextAreaElement>(null);

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

  const answers = useCannedAnswers();
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const matches = slash ? matchCannedAnswers(answers, slash.query).slice(0, SHOWN_MATCHES) : [];
  const menuOpen = matches.length > 0;
  const menuId = `${id}-canned`;

  /**
   * Writes into the box at once, caret included, before the next key she types: a caret set after the render
   * would land behind a letter typed meanwhile. The render then finds the same value and leaves the caret alone.
   */
  const write = (element: HTMLTextAreaElement, edit: { text: string; caret: number }) => {
    element.value = edit.text;
    element.setSelectionRange(edit.caret, edit.caret);
    setDraft(edit.text);
  };

  /** Opens, moves or closes the list from the text before the caret. */
  const followCaret = (element: HTMLTextAreaElement) => {
    const found = slashQueryAt(element.value, element.selectionStart);
    if (found?.query !== slash?.query || found?.start !== slash?.start) setActive(0);
    setSlash(found);
  };

  const insert = (answer: CannedAnswerView) => {
    const element = textarea.current;
    if (!slash || !element) return;
    write(element, replaceRange(element.value, slash.start, element.selectionStart, cannedText(answer, t)));
    setSlash(null);
    typing.input(true);
  };

  const excess = draft.length - MAX_MESSAGE_LENGTH;
  const sendable = draft.trim().length > 0 && excess <= 0 && client !== null;

  const send = () => {
    if (!sendable) return;
    typing.stop();
    client?.send(conversationId, draft);
    setDraft('');
  };

  /** Keys for the open list; true when the key was for it. */
  const menuKey = (event: KeyboardEvent): boolean => {
    if (!menuOpen) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + matches.length) % matches.length);
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      const chosen = matches[Math.min(active, matches.length - 1)];
      if (chosen) insert(chosen);
      return true;
    }
    if (event.key === 'Escape') {
      setSlash(null);
      return true;
    }
    return false;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // isComposing: Enter that confirms an input-method composition must not send.
    if (event.isComposing) return;
    if (menuKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  /** The button's way in: a `/` at the caret opens the same list. */
  const openList = () => {
    const element = textarea.current;
    if (!element) return;
    const start = element.selectionStart;
    const before = element.value.slice(0, start);
    const slashText = before === '' || /\s$/.test(before) ? '/' : ' /';
    const inserted = replaceRange(element.value, start, element.selectionEnd, slashText);
    element.focus();
    write(element, inserted);
    setSlash({ start: inserted.caret - 1, query: '' });
    setActive(0);
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {/* The label and the keys on one line: the room goes to the messages (issue 12, item 6). */}
      <div class="composer-head">
        <label for={id}>{t('conversation.reply')}</label>
        <p class="hint" id={`${id}-hint`}>
          {excess > 0
            ? plural(t, locale, 'conversation.tooLong', excess)
            : `${t('conversation.sendHint')} · ${t('canned.slashHint')}`}
        </p>
        {/* "La visiteuse écrit…" on the reply's own line, where her eyes are, taking no line of its own. */}
        <p class="typing" role="status">
          {tab.visitorTyping ? t('conversation.typing') : ''}
        </p>
      </div>
      <div class="composer-body">
        <textarea
          id={id}
          ref={textarea}
          rows={2}
          value={draft}
          aria-describedby={`${id}-hint`}
          aria-invalid={excess > 0}
          aria-autocomplete="list"
          aria-controls={menuOpen ? menuId : undefined}
          aria-activedescendant={menuOpen ? optionId(menuId, Math.min(active, matches.length - 1)) : undefined}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            typing.input(event.currentTarget.value.trim().length > 0);
            followCaret(event.currentTarget);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) followCaret(event.currentTarget);
          }}
          onClick={(event) => followCaret(event.currentTarget)}
          onBlur={() => {
            typing.stop();
            setSlash(null);
          }}
        />
        <button type="button" class="button button-quiet button-small" onClick={openList}>
          {t('canned.insert')}
        </button>
        <button type="submit" class="button button-primary" disabled={!sendable}>
          {t('conversation.send')}
        </button>
      </div>
      {menuOpen && <CannedMenu id={menuId} matches={matches} active={active} onPick={insert} />}
      <p class="visually-hidden" role="status">
        {menuOpen ? plural(t, locale, 'canned.matches', matches.length) : ''}
      </p>
    </form>
  );
}
