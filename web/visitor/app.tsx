// The visitor app: a top bar (language, quick exit) and one screen at a time, chosen from the
// conversation client's snapshot and the public status (hours, admission, intake, neutral title).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '../ui/i18n.ts';
import { ChatScreen } from './components/chat-screen.tsx';
import { ClosedScreen } from './components/closed-screen.tsx';
import { HomeScreen } from './components/home-screen.tsx';
import { IntakeScreen } from './components/intake-screen.tsx';
import { ResumingScreen } from './components/resuming-screen.tsx';
import { WaitingScreen } from './components/waiting-screen.tsx';
import type { ConversationClient, VisitorSnapshot } from './conversation-client.ts';
import { wipeDevice } from './device-wipe.ts';
import { asksIntake } from './intake.ts';
import { loadCatalogue } from './messages.ts';
import { createShiftCounter, exitAddress, leaveNow } from './quick-exit.ts';
import { type StatusState, useScheduleStatus } from './schedule-status.ts';
import { sendSurvey } from './survey.ts';
import { savedLocale, saveLocale, type TabStore } from './tab-storage.ts';
import { type Texts, TextsContext, textsFor, useTexts } from './texts.ts';
import { useSnapshot } from './use-snapshot.ts';

/** The title the server put in the page, already neutral; used until the status has loaded. */
const pageTitle = document.title;
/** Likewise the name at the top of the loading screen, which the server writes in too. */
const pageBrand = document.querySelector('.brand')?.textContent ?? '';

interface AppProps {
  client: ConversationClient;
  /** Where the tab keeps what it must (the language chosen); memory when the browser refuses storage. */
  storage: TabStore;
  persistent?: boolean;
}

export function App({ client, storage, persistent = true }: AppProps) {
  const [locale, setLocale] = useState<Locale>('fr');
  // The language she chose stays with the tab: after a reload or a resume, her page speaks it again.
  useEffect(() => {
    const saved = savedLocale(storage);
    if (saved !== 'fr')
      loadCatalogue(saved).then(
        () => setLocale(saved),
        () => {},
      );
  }, [storage]);
  const texts = useMemo(() => textsFor(locale), [locale]);
  const snapshot = useSnapshot(client);
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const live = snapshot.phase === 'idle' || snapshot.phase === 'starting' || snapshot.phase === 'closed';
  const [statusState, refreshStatus] = useScheduleStatus(live);
  const status = statusState.kind === 'ready' ? statusState.status : null;

  useEffect(() => {
    client.resumeIfAny();
  }, [client]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useAttentionTitle(texts, snapshot, status?.visitorPage.title ?? pageTitle);

  const exitTo = useRef(exitAddress(null));
  exitTo.current = exitAddress(status?.visitorPage.quickExitUrl);
  const exit = useCallback(() => leaveNow(client.forget, exitTo.current), [client]);
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
          <p class="brand">{status?.visitorPage.brand ?? pageBrand}</p>
          <div class="topbar-actions">
            <button
              type="button"
              class="button button-quiet"
              lang={other}
              onClick={() =>
                loadCatalogue(other).then(
                  () => {
                    setLocale(other);
                    saveLocale(storage, other);
                  },
                  () => {},
                )
              }
            >
              {texts.t('lang.switch')}
            </button>
            <button type="button" class="button button-exit" onClick={exit}>
              {texts.t('exit.button')}
            </button>
          </div>
        </header>
        <main class="main">
          {!persistent && <p class="notice">{texts.t('storage.unavailable')}</p>}
          <Screen client={client} snapshot={snapshot} statusState={statusState} refreshStatus={refreshStatus} />
        </main>
      </div>
    </TextsContext.Provider>
  );
}

interface ScreenProps {
  client: ConversationClient;
  snapshot: VisitorSnapshot;
  statusState: StatusState;
  refreshStatus: () => void;
}

function Screen({ client, snapshot, statusState, refreshStatus }: ScreenProps) {
  const { locale } = useTexts();
  const { phase, conversation, problem } = snapshot;
  const ready = statusState.kind === 'ready' ? statusState : null;
  /** She pressed "start" and the intake questions are shown. */
  const [asking, setAsking] = useState(false);
  const away = phase === 'open' || phase === 'closed' || phase === 'resuming';
  useEffect(() => {
    if (away || problem) setAsking(false);
  }, [away, problem]);
  // A refusal or a closed queue may mean the status is stale: load it again.
  useEffect(() => {
    if (problem) refreshStatus();
  }, [problem, refreshStatus]);

  if (phase === 'idle' || phase === 'starting') {
    if (asking && ready) {
      return (
        <IntakeScreen
          intake={ready.status.intake}
          starting={phase === 'starting'}
          onJoin={(answers) => client.start(locale, answers)}
        />
      );
    }
    return (
      <HomeScreen
        statusState={statusState}
        starting={phase === 'starting'}
        problem={problem}
        onStart={() => (asksIntake(ready?.status.intake) ? setAsking(true) : client.start(locale))}
        onRetry={() => {
          client.reset();
          refreshStatus();
        }}
      />
    );
  }
  if (phase === 'closed') {
    return (
      <ClosedScreen
        snapshot={snapshot}
        status={ready?.status ?? null}
        now={ready?.fetchedAt ?? new Date()}
        onHome={client.reset}
        onRejoin={() => {
          client.reset();
          client.start(locale);
        }}
        onErase={() => {
          void wipeDevice();
          client.erase();
          history.replaceState(null, '', location.pathname);
        }}
        onSurvey={(answer) => {
          if (snapshot.surveyToken) void sendSurvey(snapshot.surveyToken, answer);
          client.surveyAnswered();
        }}
      />
    );
  }
  if (phase === 'resuming' || !conversation) return <ResumingScreen connected={snapshot.connected} />;
  if (conversation.status === 'waiting') {
    return (
      <WaitingScreen
        conversation={conversation}
        connected={snapshot.connected}
        status={ready?.status ?? null}
        now={ready?.fetchedAt ?? new Date()}
        onLeave={client.end}
      />
    );
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
 * The tab shows the association's neutral title. While the tab is in the background, "Nouveau message —
 * <title>" tells her that the counselor answered or that her turn came; it goes back when she returns.
 */
function useAttentionTitle({ t }: Texts, snapshot: VisitorSnapshot, title: string): void {
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
    document.title = unseen ? t('app.titleAttention', { title }) : title;
  }, [unseen, t, title]);
}
