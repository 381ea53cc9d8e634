// The supervision section (supervisors and admins): the live board — queue, team online with her load, every
// active conversation and how long it has lasted — and, beside it, the conversation she reads silently.
import { useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import type { SupervisionBoardView } from '../../src/protocol/views.ts';
import { plural } from '../ui/i18n.ts';
import { useNow } from './hooks.ts';
import { useLocale } from './locale-context.ts';
import { SupervisionAdmission } from './supervision-admission.tsx';
import { SupervisionBlocks } from './supervision-blocks.tsx';
import { createSupervisionClient, type SupervisionClient } from './supervision-client.ts';
import { SupervisionIntake } from './supervision-intake.tsx';
import { SupervisionRaid } from './supervision-raid.tsx';
import { initialSupervisionState, type SupervisionState } from './supervision-state.ts';
import { SupervisionTranscripts } from './supervision-transcripts.tsx';
import { SupervisionWatch } from './supervision-watch.tsx';
import { minutesSince } from './time.ts';

function useSupervision(socket: Socket): { state: SupervisionState; client: SupervisionClient | null } {
  const [state, setState] = useState(initialSupervisionState);
  const [client, setClient] = useState<SupervisionClient | null>(null);
  useEffect(() => {
    const created = createSupervisionClient(socket);
    const unsubscribe = created.subscribe(() => setState(created.getState()));
    setClient(created);
    return () => {
      unsubscribe();
      created.close();
    };
  }, [socket]);
  return { state, client };
}

function QueueSummary({ board, now }: { board: SupervisionBoardView; now: number }) {
  const { t, locale } = useLocale();
  return (
    <section class="panel board-queue" aria-labelledby="board-queue-title">
      <h2 id="board-queue-title">{t('supervision.queue')}</h2>
      <p class="board-figure">{plural(t, locale, 'supervision.waiting', board.waiting)}</p>
      {board.oldestWaitingSince && (
        <p class="hint">{t('supervision.longestWait', { n: minutesSince(board.oldestWaitingSince, now) })}</p>
      )}
    </section>
  );
}

function TeamTable({ board }: { board: SupervisionBoardView }) {
  const { t } = useLocale();
  return (
    <section class="panel" aria-labelledby="board-team-title">
      <h2 id="board-team-title">{t('supervision.team')}</h2>
      {board.staff.length === 0 ? (
        <p class="hint">{t('supervision.teamEmpty')}</p>
      ) : (
        <table class="board-table">
          <thead>
            <tr>
              <th scope="col">{t('supervision.name')}</th>
              <th scope="col">{t('supervision.state')}</th>
              <th scope="col">{t('supervision.load')}</th>
            </tr>
          </thead>
          <tbody>
            {board.staff.map((person) => (
              <tr key={person.id}>
                <th scope="row">{person.displayName}</th>
                <td class={`presence-${person.status}`}>
                  {t(person.status === 'available' ? 'supervision.available' : 'supervision.paused')}
                </td>
                <td>{t('supervision.loadValue', { load: person.load, limit: person.limit })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface ConversationsTableProps {
  board: SupervisionBoardView;
  now: number;
  watchedId: string | null;
  onRead: (conversationId: string) => void;
}

function ConversationsTable({ board, now, watchedId, onRead }: ConversationsTableProps) {
  const { t } = useLocale();
  return (
    <section class="panel" aria-labelledby="board-conversations-title">
      <h2 id="board-conversations-title">{t('supervision.conversations')}</h2>
      {board.conversations.length === 0 ? (
        <p class="hint">{t('supervision.conversationsEmpty')}</p>
      ) : (
        <table class="board-table">
          <thead>
            <tr>
              <th scope="col">{t('supervision.counselor')}</th>
              <th scope="col">{t('supervision.duration')}</th>
              <th scope="col">{t('supervision.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {board.conversations.map((conversation) => {
              const name = conversation.counselorName ?? '—';
              const reading = conversation.id === watchedId;
              const away = conversation.counselorAwaySince;
              const flagged = away !== null && now - new Date(away).getTime() >= board.counselorFlagSeconds * 1000;
              return (
                <tr key={conversation.id} class={reading ? 'is-reading' : undefined}>
                  <th scope="row">
                    {conversation.visitorNumber !== null && (
                      <span class="board-visitor">{t('tabs.visitor', { number: conversation.visitorNumber })}</span>
                    )}
                    {name}
                    {conversation.urgent && <strong class="urgent-mark">{` ${t('queue.urgentMark')}`}</strong>}
                    {flagged && (
                      <strong class="away-mark">
                        {t('supervision.counselorAway', { n: Math.max(1, minutesSince(away, now)) })}
                      </strong>
                    )}
                  </th>
                  <td>
                    {conversation.assignedAt &&
                      t('supervision.durationValue', { n: minutesSince(conversation.assignedAt, now) })}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button button-quiet button-small"
                      aria-label={t('supervision.readLabel', { name })}
                      aria-pressed={reading}
                      onClick={() => onRead(conversation.id)}
                    >
                      {t('supervision.read')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface SupervisionPageProps {
  socket: Socket;
  /** She took a conversation over: show it on her desk. */
  onTakenOver: (conversationId: string) => void;
}

export function SupervisionPage({ socket, onTakenOver }: SupervisionPageProps) {
  const { t } = useLocale();
  // Often enough that a counselor gone is flagged within seconds of the admins' limit.
  const now = useNow(5_000);
  const { state, client } = useSupervision(socket);
  const [readError, setReadError] = useState<{ code: string; message: string } | null>(null);
  const board = state.board;

  const read = async (conversationId: string) => {
    if (!client) return;
    const ack = await client.watch(conversationId);
    setReadError(ack.ok ? null : ack.error);
  };

  return (
    <main
      class={state.watched || readError ? 'supervision is-reading' : 'supervision'}
      aria-labelledby="supervision-title"
    >
      <h1 id="supervision-title" class="visually-hidden">
        {t('supervision.title')}
      </h1>
      <div class="board">
        {board ? (
          <>
            <QueueSummary board={board} now={now} />
            <ConversationsTable
              board={board}
              now={now}
              watchedId={state.watched?.conversation.id ?? null}
              onRead={read}
            />
            <TeamTable board={board} />
            <SupervisionRaid raid={board.raid} client={client} />
            <SupervisionIntake intake={board.intake} client={client} />
            <SupervisionAdmission work={board.admissionWork} />
            <SupervisionBlocks blocks={board.blocks} client={client} />
            <SupervisionTranscripts client={client} />
          </>
        ) : (
          <p role="status">{t('supervision.loading')}</p>
        )}
      </div>
      <SupervisionWatch
        watched={state.watched}
        // Who holds it now, as the live board says: a transfer or a take-over changes it while she reads.
        counselorName={
          board?.conversations.find((conversation) => conversation.id === state.watched?.conversation.id)
            ?.counselorName ?? null
        }
        client={client}
        error={readError}
        onTakenOver={onTakenOver}
      />
    </main>
  );
}
