// The conversation with a counselor: messages, her typing indicator, the message box and a way to end.
import { useState } from 'preact/hooks';
import type { VisitorSnapshot } from '../conversation-client.ts';
import { useTexts } from '../texts.ts';
import { useHeadingFocus } from '../use-heading-focus.ts';
import { Composer } from './composer.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ConnectionNotice } from './connection-notice.tsx';
import { EmergencyNumbers } from './emergency-numbers.tsx';
import { MessageList } from './message-list.tsx';

export interface ChatScreenProps {
  snapshot: VisitorSnapshot;
  onSend: (text: string) => boolean;
  onRetry: (clientId: string) => void;
  onTyping: () => void;
  onEnd: () => void;
}

export function ChatScreen({ snapshot, onSend, onRetry, onTyping, onEnd }: ChatScreenProps) {
  const { t } = useTexts();
  const heading = useHeadingFocus();
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="chat">
      <div class="chat-head">
        <h1 ref={heading} tabIndex={-1} class="chat-title">
          {t('chat.heading')}
        </h1>
        <button type="button" class="button button-secondary button-small" onClick={() => setConfirming(true)}>
          {t('chat.end')}
        </button>
      </div>
      <EmergencyNumbers compact />
      <ConnectionNotice connected={snapshot.connected} />
      {/* Always in the page, so that the line is announced when it appears. */}
      <p class={snapshot.conversation?.counselorAway ? 'notice' : undefined} role="status">
        {snapshot.conversation?.counselorAway ? t('chat.counselorAway') : ''}
      </p>
      <MessageList
        log={snapshot.log}
        failed={snapshot.failed}
        onRetry={onRetry}
        readSeq={snapshot.conversation?.counselorReadSeq ?? 0}
      />
      <p class="typing" aria-live="polite">
        {snapshot.counselorTyping ? t('chat.typing') : ''}
      </p>
      <Composer onSend={onSend} onTyping={onTyping} />
      <ConfirmDialog
        id="end-dialog"
        open={confirming}
        title={t('chat.endTitle')}
        body={t('chat.endBody')}
        confirmLabel={t('chat.endYes')}
        cancelLabel={t('chat.endNo')}
        onConfirm={() => {
          setConfirming(false);
          onEnd();
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
