// Blocking a troll from her own conversation, after a question that says exactly what will happen. The
// conversation's tab then shows it ended (the server's update arrives on the staff socket).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { supervisionEvents } from '../../src/protocol/events.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import { ask, useStaffSocket } from './staff-socket.ts';

export function BlockVisitor({ conversationId }: { conversationId: string }) {
  const { t } = useLocale();
  const socket = useStaffSocket()?.socket;
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice takes the focus, so that a second Enter does not block anyone.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const block = async () => {
    setBusy(true);
    const ack = await ask(socket, supervisionEvents.block, { conversationId });
    setBusy(false);
    setConfirming(false);
    setError(ack.ok ? null : ack.error);
  };

  return (
    <div class="block-visitor">
      {confirming ? (
        <div class="confirm">
          <p id={questionId}>{t('block.confirm')}</p>
          <button
            type="button"
            class="button button-danger button-small"
            disabled={busy}
            aria-describedby={questionId}
            onClick={block}
          >
            {t('block.yes')}
          </button>
          <button
            type="button"
            class="button button-quiet button-small"
            ref={cancel}
            onClick={() => setConfirming(false)}
          >
            {t('block.no')}
          </button>
        </div>
      ) : (
        <button type="button" class="button button-danger-quiet button-small" onClick={() => setConfirming(true)}>
          {t('block.button')}
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
