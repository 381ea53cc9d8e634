// The live waiting list: how many wait (urgent ones first), since when, what they answered, and "take the next
// person", kept above the list so that a long list never pushes it out of sight.
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../ui/i18n.ts';
import type { ApiError } from './api.ts';
import type { ConsoleClient } from './console-client.ts';
import { activeConversationCount, type ConsoleState, isAtCapacity } from './console-state.ts';
import { errorText } from './error-text.ts';
import { useNow, useShortcut } from './hooks.ts';
import { useLocale } from './locale-context.ts';
import { ownTake } from './own-takes.ts';
import { QueueEntry } from './queue-entry.tsx';
import { usePublicStatus } from './use-public-status.ts';

const SHOWN_ENTRIES = 8;

interface QueuePanelProps {
  state: ConsoleState;
  client: ConsoleClient | null;
  /** Desk shortcuts are on: the desk is on screen. */
  keyboard: boolean;
}

export function QueuePanel({ state, client, keyboard }: QueuePanelProps) {
  const { t, locale } = useLocale();
  const now = useNow(30_000);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const { queue, me } = state;
  const { questions, admissionPaused } = usePublicStatus(state.staffStates);

  // A "nobody is waiting" note is stale as soon as the list moves.
  useEffect(() => setProblem(null), [queue.waiting]);

  const paused = me?.status !== 'available';
  const atCapacity = isAtCapacity(state);
  const offline = state.connection !== 'connected';
  const why = paused
    ? t('queue.pausedHint')
    : atCapacity
      ? t('queue.capacityHint', { max: me?.maxConversations ?? 0 })
      : null;

  const allowed = !(paused || atCapacity || offline || busy || !client);
  const takeNext = async () => {
    if (!client || !allowed) return;
    setBusy(true);
    setProblem(null);
    const ack = await ownTake(() => client.takeNext());
    setBusy(false);
    if (!ack.ok) setProblem(ack.error);
  };
  // The button says why it is disabled; a shortcut pressed in vain says it aloud instead of doing nothing.
  useShortcut(
    'take-next',
    () => {
      if (allowed) void takeNext();
      else if (paused) setProblem({ code: 'NOT_AVAILABLE', message: 'not available' });
      else if (atCapacity) setProblem({ code: 'AT_CAPACITY', message: 'at capacity' });
    },
    keyboard,
  );

  const shown = queue.entries.slice(0, SHOWN_ENTRIES);
  const urgent = queue.entries.filter((entry) => entry.urgent).length;
  return (
    <section class="panel queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <p class="queue-count" role="status">
        {queue.waiting === 0 ? t('queue.none') : plural(t, locale, 'queue.waiting', queue.waiting)}
        {urgent > 0 && `, ${plural(t, locale, 'queue.urgent', urgent)}`}
      </p>
      {admissionPaused && <p class="notice">{t('queue.admissionPaused')}</p>}
      <button
        type="button"
        class="button button-primary"
        disabled={!allowed}
        aria-describedby={why ? 'queue-why' : undefined}
        onClick={takeNext}
      >
        {t('queue.takeNext')}
      </button>
      {why && (
        <p class="hint" id="queue-why">
          {why}
        </p>
      )}
      {problem && (
        <p class={problem.code === 'QUEUE_EMPTY' ? 'notice' : 'error'} role="alert">
          {errorText(t, problem)}
        </p>
      )}
      {me && (
        <p class="hint">{t('queue.capacity', { active: activeConversationCount(state), max: me.maxConversations })}</p>
      )}
      {shown.length > 0 && (
        <ol class="queue-entries">
          {shown.map((entry) => (
            <QueueEntry key={entry.conversationId} entry={entry} questions={questions} now={now} />
          ))}
        </ol>
      )}
      {queue.entries.length > SHOWN_ENTRIES && (
        <p class="hint">{t('queue.more', { n: queue.entries.length - SHOWN_ENTRIES })}</p>
      )}
    </section>
  );
}
