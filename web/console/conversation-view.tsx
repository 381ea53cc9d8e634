// One conversation: how long it has lasted, its messages, the visitor's typing hint, her reply box, and ending
// the conversation (a button or Alt+Shift+F, both asking first).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ClosedReason } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { BlockVisitor } from './block-visitor.tsx';
import { Composer } from './composer.tsx';
import type { ConsoleClient } from './console-client.ts';
import type { ConversationTab } from './console-state.ts';
import { ConversationTimer } from './conversation-timer.tsx';
import { errorText } from './error-text.ts';
import { useNow, useShortcut } from './hooks.ts';
import { IntakeAnswerList } from './intake-answer-list.tsx';
import { useLocale } from './locale-context.ts';
import { MessageList } from './message-list.tsx';
import type { MessageKey } from './messages.ts';
import { clockTime } from './time.ts';
import { usePublicStatus } from './use-public-status.ts';
import { WhisperNotes } from './whisper-notes.tsx';

interface ConversationViewProps {
  tab: ConversationTab;
  client: ConsoleClient | null;
  /** Minutes since she took it, while it is open. */
  minutes: number | null;
  keyboard: boolean;
  draft: string;
  onDraft: (text: string) => void;
  /** Who reads: her own messages are "Vous", a colleague's carry a name. */
  meId: string | null;
}

const closedTexts: Partial<Record<ClosedReason, MessageKey>> = {
  served: 'conversation.closedByCounselor',
  visitor_left: 'conversation.closedVisitorLeft',
  visitor_left_quickly: 'conversation.closedVisitorLeftQuickly',
  blocked: 'conversation.closedBlocked',
};

function closedText(tab: ConversationTab): MessageKey | null {
  return tab.view.closedReason ? (closedTexts[tab.view.closedReason] ?? null) : null;
}

function EndConversation({ onEnd, keyboard }: { onEnd: () => Promise<void>; keyboard: boolean }) {
  const { t } = useLocale();
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useShortcut('end-conversation', () => setConfirming(true), keyboard);

  // The safe choice takes the focus, so that a second Enter does not end the conversation.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" class="button button-danger-quiet button-small" onClick={() => setConfirming(true)}>
        {t('conversation.end')}
      </button>
    );
  }
  const end = async () => {
    setBusy(true);
    await onEnd();
    setBusy(false);
    setConfirming(false);
  };
  return (
    <div class="confirm">
      <p id={questionId}>{t('conversation.endConfirm')}</p>
      <button
        type="button"
        class="button button-danger button-small"
        disabled={busy}
        aria-describedby={questionId}
        onClick={end}
      >
        {t('conversation.endYes')}
      </button>
      <button type="button" class="button button-quiet button-small" ref={cancel} onClick={() => setConfirming(false)}>
        {t('conversation.endNo')}
      </button>
    </div>
  );
}

/** "La personne s'est déconnectée il y a 2 min": calm, in a live region that is always in the page. */
function VisitorAway({ since }: { since: string | null }) {
  const { t } = useLocale();
  const now = useNow(15_000);
  const minutes = since === null ? 0 : Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
  return (
    <p class={since === null ? 'presence' : 'presence is-away'} role="status">
      {since === null
        ? ''
        : minutes < 1
          ? t('conversation.visitorAwayNow')
          : t('conversation.visitorAway', { n: minutes })}
    </p>
  );
}

export function ConversationView({ tab, client, minutes, keyboard, draft, onDraft, meId }: ConversationViewProps) {
  const { t, locale } = useLocale();
  const [endError, setEndError] = useState<ApiError | null>(null);
  const closed = tab.view.status === 'closed';
  const name = t('tabs.visitor', { number: tab.number });
  const { questions } = usePublicStatus(1);
  const why = closedText(tab);

  const end = async () => {
    if (!client) return;
    const ack = await client.end(tab.view.id);
    setEndError(ack.ok ? null : ack.error);
  };

  return (
    <div class="conversation">
      {/* Compact (issue 12, item 6): her name and the two actions on one line, when and how long on the next. */}
      <div class="conversation-head">
        <h2>{name}</h2>
        {!closed && <EndConversation onEnd={end} keyboard={keyboard} />}
        {!closed && <BlockVisitor conversationId={tab.view.id} keyboard={keyboard} />}
      </div>
      <div class="conversation-meta">
        <p class="hint">
          {tab.view.urgent && (
            <>
              <strong class="urgent-mark">{t('queue.urgentMark')}</strong>{' '}
            </>
          )}
          {t('conversation.since', { time: clockTime(tab.view.assignedAt ?? tab.view.createdAt, locale) })}
        </p>
        {minutes !== null && <ConversationTimer minutes={minutes} />}
      </div>
      {/* Her answers across the whole width, on one line when they fit: the messages keep the height. */}
      <IntakeAnswerList questions={questions} answers={tab.view.intake} />
      {endError && (
        <p class="error" role="alert">
          {errorText(t, endError)}
        </p>
      )}
      <MessageList tab={tab} label={t('conversation.log', { name })} meId={meId} />
      <WhisperNotes conversationId={tab.view.id} />
      <VisitorAway since={closed ? null : tab.view.visitorAwaySince} />
      {closed ? (
        <div class="closed" role="status">
          <div>
            <p>
              <strong>{t('conversation.closed')}</strong>
              {why && <span>{` — ${t(why)}`}</span>}
            </p>
            {tab.view.closedReason === 'visitor_left_quickly' && <p class="hint">{t('conversation.quickExitHint')}</p>}
            {tab.view.formDue && <p class="hint">{t('closingForm.owed')}</p>}
          </div>
          {!tab.view.formDue && (
            <button type="button" class="button button-quiet button-small" onClick={() => client?.dismiss(tab.view.id)}>
              {t('conversation.closeTab')}
            </button>
          )}
        </div>
      ) : (
        <Composer tab={tab} client={client} initialDraft={draft} onDraft={onDraft} />
      )}
      {tab.sendError && (
        <p class="error" role="alert">
          {errorText(t, { code: tab.sendError, message: tab.sendError })}
        </p>
      )}
    </div>
  );
}
