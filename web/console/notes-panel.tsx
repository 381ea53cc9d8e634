// Her private notes beside a conversation: staff-only, sealed on the server, never shown to the visitor, and
// deleted with the conversation. A colleague's note (a transfer's) shows with her name.
import { useEffect, useId, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../../src/protocol/conversation-tools-schema.ts';
import { staffEvents } from '../../src/protocol/events.ts';
import type { NoteView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import type { ConsoleClient } from './console-client.ts';
import { errorText } from './error-text.ts';
import { TextAreaField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';
import { clockTime } from './time.ts';

interface NotesPanelProps {
  conversationId: string;
  myId: string | null;
  client: ConsoleClient | null;
  /** Connections so far: notes are read again after a reconnect. */
  connections: number;
}

export function NotesPanel({ conversationId, myId, client, connections }: NotesPanelProps) {
  const { t, locale } = useLocale();
  const titleId = useId();
  const [notes, setNotes] = useState<NoteView[] | null>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!client) return;
    let current = true;
    void client.request<{ notes: NoteView[] }>(staffEvents.notes, { conversationId }).then((ack) => {
      if (!current) return;
      if (ack.ok) setNotes(ack.notes);
      else setProblem(ack.error);
    });
    return () => {
      current = false;
    };
  }, [client, conversationId, connections]);

  const add = async (event: Event) => {
    event.preventDefault();
    if (!client || draft.trim() === '') return;
    setBusy(true);
    const ack = await client.request<{ note: NoteView }>(staffEvents.addNote, { conversationId, text: draft });
    setBusy(false);
    if (!ack.ok) return setProblem(ack.error);
    setProblem(null);
    setDraft('');
    setNotes((known) => [...(known ?? []), ack.note]);
  };

  return (
    <section class="notes-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('notes.title')}</h3>
      <p class="hint">{t('notes.hint')}</p>
      {notes === null && !problem && <p role="status">{t('app.loading')}</p>}
      {notes?.length === 0 && <p class="hint">{t('notes.none')}</p>}
      {notes && notes.length > 0 && (
        <ul class="notes" aria-label={t('notes.title')}>
          {notes.map((note) => (
            <li key={note.id} class="note">
              <p class="note-meta">
                {note.authorId === myId ? t('notes.byMe') : (note.authorName ?? t('notes.byFormer'))}
                {' · '}
                {clockTime(note.createdAt, locale)}
              </p>
              <p class="note-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={add} noValidate>
        <TextAreaField
          label={t('notes.new')}
          value={draft}
          rows={3}
          onInput={(text) => setDraft(text.slice(0, MAX_NOTE_LENGTH))}
        />
        {problem && (
          <p class="error" role="alert">
            {errorText(t, problem)}
          </p>
        )}
        <button type="submit" class="button button-secondary button-small" disabled={busy || draft.trim() === ''}>
          {t('notes.add')}
        </button>
      </form>
    </section>
  );
}
