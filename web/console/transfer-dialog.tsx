// Handing a conversation to a colleague: a modal dialog listing who is online and available with her load,
// a note for her (kept as a private note), and the hand-over. Colleagues at their limit show but cannot be
// chosen. The native <dialog> traps the focus and closes on Escape.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_TRANSFER_NOTE_LENGTH } from '../../src/protocol/conversation-tools-schema.ts';
import { staffEvents } from '../../src/protocol/events.ts';
import type { ColleagueView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import type { ConsoleClient } from './console-client.ts';
import { errorText } from './error-text.ts';
import { TextAreaField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';

interface TransferDialogProps {
  conversationId: string;
  visitorName: string;
  client: ConsoleClient;
  onClose: () => void;
}

const isFull = (colleague: ColleagueView) => colleague.activeConversations >= colleague.maxConversations;

export function TransferDialog({ conversationId, visitorName, client, onClose }: TransferDialogProps) {
  const { t } = useLocale();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [colleagues, setColleagues] = useState<ColleagueView[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    void client.request<{ colleagues: ColleagueView[] }>(staffEvents.colleagues, {}).then((ack) => {
      if (ack.ok) setColleagues(ack.colleagues);
      else setProblem(ack.error);
    });
    return () => element?.close();
  }, [client]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    const ack = await client.transfer(conversationId, chosen, note);
    setBusy(false);
    if (ack.ok) dialog.current?.close();
    else setProblem(ack.error);
  };

  return (
    <dialog ref={dialog} class="transfer-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form class="stack" onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('transfer.title', { name: visitorName })}</h2>
        <p class="hint">{t('transfer.intro')}</p>
        {colleagues === null && !problem && <p role="status">{t('app.loading')}</p>}
        {colleagues?.length === 0 && <p role="status">{t('transfer.nobody')}</p>}
        {colleagues && colleagues.length > 0 && (
          <fieldset class="choices colleagues">
            <legend>{t('transfer.colleagues')}</legend>
            {colleagues.map((colleague) => (
              <label key={colleague.id} class="choice">
                <input
                  type="radio"
                  name="colleague"
                  checked={chosen === colleague.id}
                  disabled={isFull(colleague)}
                  onChange={() => setChosen(colleague.id)}
                />
                {t('transfer.colleague', {
                  name: colleague.displayName,
                  load: colleague.activeConversations,
                  max: colleague.maxConversations,
                })}
                {isFull(colleague) && <span class="hint">{` · ${t('transfer.full')}`}</span>}
              </label>
            ))}
          </fieldset>
        )}
        <TextAreaField
          label={t('transfer.note')}
          hint={t('transfer.noteHint')}
          value={note}
          rows={3}
          onInput={(text) => setNote(text.slice(0, MAX_TRANSFER_NOTE_LENGTH))}
        />
        {problem && (
          <p class="error" role="alert">
            {errorText(t, problem)}
          </p>
        )}
        <div class="dialog-actions">
          <button type="submit" class="button button-primary" disabled={busy || chosen === null}>
            {t('transfer.submit')}
          </button>
          <button type="button" class="button button-quiet" onClick={() => dialog.current?.close()}>
            {t('transfer.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The button beside an active conversation, and its dialog. */
export function TransferButton(props: { conversationId: string; visitorName: string; client: ConsoleClient | null }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const { client } = props;
  return (
    <>
      <button
        type="button"
        ref={opener}
        class="button button-secondary button-small"
        disabled={!client}
        onClick={() => setOpen(true)}
      >
        {t('transfer.open')}
      </button>
      {open && client && (
        <TransferDialog
          conversationId={props.conversationId}
          visitorName={props.visitorName}
          client={client}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
