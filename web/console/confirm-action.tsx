// An action that asks first (block a visitor, take over a conversation): a button, then a question with the
// safe choice focused, so that a second Enter never does the irreversible thing. A refusal is said below.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useShortcut } from './hooks.ts';
import type { ShortcutAction } from './keyboard-shortcuts.ts';
import { useLocale } from './locale-context.ts';

interface ConfirmActionProps {
  /** The class of the wrapper, for layout. */
  name: string;
  label: string;
  question: string;
  yes: string;
  no: string;
  /** `danger` for what cannot be undone by her (blocking), `primary` otherwise. */
  tone: 'danger' | 'primary';
  /** Does the action; answers the refusal to show, or null when it went through. */
  onConfirm: () => Promise<ApiError | null>;
  /** A desk shortcut that asks the question; pressed again while asked, it confirms (one more key). */
  shortcut?: { action: ShortcutAction; enabled: boolean };
}

export function ConfirmAction({ name, label, question, yes, no, tone, onConfirm, shortcut }: ConfirmActionProps) {
  const { t } = useLocale();
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const confirm = async () => {
    setBusy(true);
    const refusal = await onConfirm();
    setBusy(false);
    setConfirming(false);
    setError(refusal);
  };

  useShortcut(
    shortcut?.action ?? 'block-visitor',
    () => {
      if (!confirming) setConfirming(true);
      else if (!busy) void confirm();
    },
    shortcut?.enabled ?? false,
  );

  const idle = tone === 'danger' ? 'button button-danger-quiet button-small' : 'button button-quiet button-small';
  return (
    <div class={name}>
      {confirming ? (
        <div class="confirm">
          <p id={questionId}>{question}</p>
          <button
            type="button"
            class={`button button-${tone} button-small`}
            disabled={busy}
            aria-describedby={questionId}
            onClick={confirm}
          >
            {yes}
          </button>
          <button
            type="button"
            class="button button-quiet button-small"
            ref={cancel}
            onClick={() => setConfirming(false)}
          >
            {no}
          </button>
        </div>
      ) : (
        <button type="button" class={idle} onClick={() => setConfirming(true)}>
          {label}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </div>
  );
}
