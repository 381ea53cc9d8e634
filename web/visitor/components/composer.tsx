// The message box: Enter sends, Shift+Enter starts a new line; the character count appears near the limit.
import { useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../../../src/protocol/limits.ts';
import { plural } from '../../ui/i18n.ts';
import { useTexts } from '../texts.ts';

/** The count shows once fewer than this many characters are left. */
export const COUNT_SHOWN_FROM = MAX_MESSAGE_LENGTH - 400;

export interface ComposerProps {
  onSend: (text: string) => boolean;
  onTyping: () => void;
}

export function Composer({ onSend, onTyping }: ComposerProps) {
  const { t, locale } = useTexts();
  const [text, setText] = useState('');
  const over = text.length - MAX_MESSAGE_LENGTH;
  const canSend = text.trim().length > 0 && over <= 0;

  function submit(): void {
    if (canSend && onSend(text)) setText('');
  }

  let count = '';
  if (over > 0) count = plural(t, locale, 'chat.tooLong', over);
  else if (text.length >= COUNT_SHOWN_FROM) count = plural(t, locale, 'chat.remaining', -over);

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="composer-label" for="message">
        {t('chat.label')}
      </label>
      <div class="composer-row">
        <textarea
          id="message"
          name="message"
          rows={2}
          value={text}
          enterkeyhint="send"
          aria-describedby="message-hint message-count"
          aria-invalid={over > 0}
          onInput={(event) => {
            setText(event.currentTarget.value);
            onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" class="button button-primary" disabled={!canSend}>
          {t('chat.send')}
        </button>
      </div>
      <p id="message-hint" class="composer-hint">
        {t('chat.hint')}
      </p>
      <p id="message-count" class={over > 0 ? 'composer-count composer-count-over' : 'composer-count'}>
        {count}
      </p>
    </form>
  );
}
