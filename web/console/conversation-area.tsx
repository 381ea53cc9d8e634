// Her conversations as tabs, each with its unread badge, its last words and, while the visitor wrote last, how
// long she has waited for a reply; then the selected conversation. Only that one is rendered (so each label
// names one field); half-written replies are kept here when she switches tabs. A tab past the 30-minute
// target says so in words.
import { useRef } from 'preact/hooks';
import { plural } from '../ui/i18n.ts';
import type { ConsoleClient } from './console-client.ts';
import type { ConsoleState, ConversationTab } from './console-state.ts';
import { durationStage } from './conversation-duration.ts';
import { ConversationSide } from './conversation-side.tsx';
import { awaitingReplySince, type LastWords, lastWords } from './conversation-summary.ts';
import { ConversationView } from './conversation-view.tsx';
import { useNow, useShortcut } from './hooks.ts';
import { useLocale } from './locale-context.ts';
import { minutesSince } from './time.ts';
import { TransferNotice } from './transfer-notice.tsx';

interface ConversationAreaProps {
  state: ConsoleState;
  client: ConsoleClient | null;
  /** Desk shortcuts are on: the desk is on screen. */
  keyboard: boolean;
}

const tabId = (tab: ConversationTab) => `tab-${tab.view.id}`;
const panelId = (tab: ConversationTab) => `panel-${tab.view.id}`;
/** The panel is named by the visitor's label alone, not by the wait and last words the tab adds. */
const tabNameId = (tab: ConversationTab) => `tab-name-${tab.view.id}`;
const lastWordsId = (tab: ConversationTab) => `last-${tab.view.id}`;

/** Minutes since she took the conversation; none once it is over, since the target no longer matters. */
export function conversationMinutes(tab: ConversationTab, now: number): number | null {
  if (tab.view.status === 'closed') return null;
  return minutesSince(tab.view.assignedAt ?? tab.view.createdAt, now);
}

/** The last words under the tab's name: its description for a screen reader, cut to the tab's width on screen. */
function TabLastWords({ id, words }: { id: string; words: LastWords | null }) {
  const { t } = useLocale();
  if (!words) return null;
  const author = words.by === 'me' ? t('conversation.meAuthor') : words.by === 'colleague' ? (words.name ?? '') : null;
  return (
    <span class="tab-last" id={id} aria-hidden="true">
      {author ? `${t('conversation.said', { author })}${words.text}` : words.text}
    </span>
  );
}

export function ConversationArea({ state, client, keyboard }: ConversationAreaProps) {
  const { t, locale } = useLocale();
  const now = useNow(30_000);
  const { tabs, selectedId } = state;
  const drafts = useRef(new Map<string, string>());
  const selected = tabs.find((tab) => tab.view.id === selectedId);

  const selectBy = (step: number) => {
    const index = tabs.findIndex((tab) => tab.view.id === selectedId);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (index < 0 || !next || !client) return;
    client.select(next.view.id);
    document.getElementById(tabId(next))?.focus();
  };
  useShortcut('next-conversation', () => selectBy(1), keyboard);
  useShortcut('previous-conversation', () => selectBy(-1), keyboard);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    selectBy(step);
  };

  if (tabs.length === 0) {
    return (
      <section class="panel conversations is-empty" aria-label={t('tabs.label')}>
        <TransferNotice notice={state.transferNotice} client={client} />
        <p>{t('tabs.none')}</p>
      </section>
    );
  }

  return (
    <section class="panel conversations">
      {/* The transfer notice sits beside the tabs, not above them: the messages keep the height. */}
      <div class="conversations-top">
        <div role="tablist" aria-label={t('tabs.label')} class="tabs" onKeyDown={onKeyDown}>
          {tabs.map((tab) => {
            const selected = tab.view.id === selectedId;
            const closed = tab.view.status === 'closed';
            const minutes = conversationMinutes(tab, now);
            const pastTarget = minutes !== null && durationStage(minutes) === 'targetReached';
            const words = lastWords(tab, state.me?.id ?? null);
            const awaiting = awaitingReplySince(tab);
            return (
              <button
                key={tab.view.id}
                type="button"
                role="tab"
                id={tabId(tab)}
                aria-selected={selected}
                aria-controls={selected ? panelId(tab) : undefined}
                tabIndex={selected ? 0 : -1}
                class={closed ? 'tab is-closed' : 'tab'}
                aria-describedby={words ? lastWordsId(tab) : undefined}
                onClick={() => client?.select(tab.view.id)}
              >
                <span class="tab-name" id={tabNameId(tab)}>
                  {t('tabs.visitor', { number: tab.number })}
                  {closed && <span class="tab-note">{` · ${t('tabs.closed')}`}</span>}
                  {tab.view.formDue && <span class="tab-note">{` · ${t('tabs.formDue')}`}</span>}
                  {pastTarget && <span class="tab-note">{` · ${t('tabs.pastTarget')}`}</span>}
                  {tab.unread > 0 && (
                    <span class="badge">
                      <span aria-hidden="true">{tab.unread}</span>
                      <span class="visually-hidden">{`, ${plural(t, locale, 'tabs.unread', tab.unread)}`}</span>
                    </span>
                  )}
                </span>
                {awaiting && (
                  <span class="tab-awaiting">
                    <span class="visually-hidden">, </span>
                    {t('tabs.awaitingReply', { n: minutesSince(awaiting, now) })}
                  </span>
                )}
                <TabLastWords id={lastWordsId(tab)} words={words} />
              </button>
            );
          })}
        </div>
        <TransferNotice notice={state.transferNotice} client={client} />
      </div>
      {selected && (
        <div role="tabpanel" id={panelId(selected)} aria-labelledby={tabNameId(selected)} class="tabpanel">
          <ConversationView
            key={selected.view.id}
            tab={selected}
            client={client}
            minutes={conversationMinutes(selected, now)}
            keyboard={keyboard}
            draft={drafts.current.get(selected.view.id) ?? ''}
            onDraft={(text) => drafts.current.set(selected.view.id, text)}
            meId={state.me?.id ?? null}
          />
          <ConversationSide key={selected.view.id} tab={selected} state={state} client={client} />
        </div>
      )}
    </section>
  );
}
