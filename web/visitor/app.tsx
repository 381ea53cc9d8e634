// The visitor app: a top bar (language, quick exit) and one screen at a time, chosen from the
// conversation client's snapshot.
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../ui/i18n.ts';
import { ChatScreen } from './components/chat-screen.tsx';
import { ClosedScreen } from './components/closed-screen.tsx';
import { HomeScreen } from './components/home-screen.tsx';
import { ResumingScreen } from './components/resuming-screen.tsx';
import { WaitingScreen } from './components/waiting-screen.tsx';
import type { ConversationClient, VisitorSnapshot } from './conversation-client.ts';
import { createShiftCounter, leaveNow } from './quick-exit.ts';
import { type Texts, TextsContext, textsFor } from './texts.ts';
import { useSnapshot } from './use-snapshot.ts';

export function App({ client }: { client: ConversationClient }) {
  const [locale, setLocale] = useState<Locale>('fr');
  const texts = useMemo(() => textsFor(locale), [locale]);
  const snapshot = useSnapshot(client);
  const other: Locale = locale === 'fr' ? 'en' : 'fr';

  useEffect(() => {
    client.resumeIfAny();
  }, [client]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useAttentionTitle(texts, snapshot);

  const exit = useCallback(() => leaveNow(client.forget), [client]);
  useEffect(() => {
    const onKey = createShiftCounter(exit);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [exit]);

  const chat = snapshot.phase === 'open' && snapshot.conversation?.status === 'active';
  return (
    <TextsContext.Provider value={texts}>
      <div class={chat ? 'page page-chat' : 'page'}>
        <header class="topbar">
          <p class="brand">{texts.t('app.name')}</p>
          <div class="topbar-actions">
            <button type="button" class="button button-quiet" lang={other} onClick={() => setLocale(other)}>
              {texts.t('lang.switch')}
            </button>
            <button type="button" class="button button-exit" onClick={exit}>
              {texts.t('exit.button')}
            </button>
          </div>
        </header>
        <main class="main">
          <Screen client={client} snapshot={snapshot} />
        </main>
      </div>
    </TextsContext.Provider>
  );
}

function Screen({ client, snapshot }: { client: ConversationClient; snapshot: VisitorSnapshot }) {
  const { phase, conversation } = snapshot;
  if (phase === 'idle' || phase === 'starting') {
    return <HomeScreen starting={phase === 'starting'} problem={snapshot.problem} onStart={client.start} />;
  }
  if (phase === 'closed') return <ClosedScreen snapshot={snapshot} onHome={client.reset} />;
  if (phase === 'resuming' || !conversation) return <ResumingScreen connected={snapshot.connected} />;
  if (conversation.status === 'waiting') {
    return <WaitingScreen conversation={conversation} connected={snapshot.connected} onLeave={client.end} />;
  }
  return (
    <ChatScreen
      snapshot={snapshot}
      onSend={client.send}
      onRetry={client.retry}
      onTyping={client.noteTyping}
      onEnd={client.end}
    />
  );
}

/**
 * While the tab is in the background, a neutral "Nouveau message — Havre" title tells her that the
 * counselor answered or that her turn came; it goes back to normal when she returns.
 */
function useAttentionTitle({ t }: Texts, snapshot: VisitorSnapshot): void {
  const [unseen, setUnseen] = useState(false);
  const counselorMessages = snapshot.log.filter((message) => message.author !== 'visitor').length;
  const active = snapshot.conversation?.status === 'active';

  useEffect(() => {
    if (document.hidden && (counselorMessages > 0 || active)) setUnseen(true);
  }, [counselorMessages, active]);
  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden) setUnseen(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  useLayoutEffect(() => {
    document.title = unseen ? t('app.titleAttention') : t('app.title');
  }, [unseen, t]);
}
