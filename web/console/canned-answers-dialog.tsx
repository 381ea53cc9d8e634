// Canned answers and resource cards, managed in a modal dialog from the top bar: search, read, and write what
// her role allows (her own answers; the team's if she is a supervisor or admin).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { matchCannedAnswers } from '../../src/core/canned-answers.ts';
import type { CannedAnswerView } from '../../src/protocol/canned-answers.ts';
import type { Role } from '../../src/protocol/schemas.ts';
import type { ApiError } from './api.ts';
import { CannedAnswerForm } from './canned-answer-form.tsx';
import { deleteCannedAnswer, reloadCannedAnswers } from './canned-api.ts';
import { type CannedDraft, draftOf, emptyDraft } from './canned-form.ts';
import { cannedText } from './canned-menu.tsx';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';

interface CannedAnswersDialogProps {
  staffId: string;
  role: Role;
  answers: CannedAnswerView[];
  onClose: () => void;
}

type Editing = { draft: CannedDraft; answer: CannedAnswerView | null } | null;

function AnswerItem({
  answer,
  onEdit,
  onDelete,
}: {
  answer: CannedAnswerView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  return (
    <li class="canned-item" aria-labelledby={titleId}>
      <p class="canned-item-head">
        <span class="canned-shortcut">/{answer.shortcut}</span> <strong id={titleId}>{answer.title}</strong>
        {answer.kind === 'card' && <span class="canned-scope"> · {t('canned.card')}</span>}
      </p>
      <p class="canned-preview">{cannedText(answer, t)}</p>
      {answer.editable && (
        <p class="canned-item-actions">
          <button type="button" class="button button-quiet button-small" onClick={onEdit}>
            {t('canned.edit')} <span class="visually-hidden">{answer.title}</span>
          </button>
          {confirming ? (
            <button type="button" class="button button-danger button-small" onClick={onDelete}>
              {t('canned.confirmDelete')} <span class="visually-hidden">{answer.title}</span>
            </button>
          ) : (
            <button type="button" class="button button-quiet button-small" onClick={() => setConfirming(true)}>
              {t('canned.delete')} <span class="visually-hidden">{answer.title}</span>
            </button>
          )}
        </p>
      )}
    </li>
  );
}

export function CannedAnswersDialog({ staffId, role, answers, onClose }: CannedAnswersDialogProps) {
  const { t } = useLocale();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const mayWriteTeam = role === 'supervisor' || role === 'admin';

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const shown = matchCannedAnswers(answers, query);
  const team = shown.filter((answer) => answer.scope === 'team');
  const mine = shown.filter((answer) => answer.scope === 'personal');

  const saved = async () => {
    setEditing(null);
    await reloadCannedAnswers(staffId);
  };
  const remove = async (answer: CannedAnswerView) => {
    const done = await deleteCannedAnswer(answer.id);
    setProblem(done.ok ? null : done.error);
    await reloadCannedAnswers(staffId);
  };
  const start = (kind: 'text' | 'card') => setEditing({ draft: emptyDraft(kind, 'personal'), answer: null });

  const section = (heading: string, list: CannedAnswerView[], empty: string) => (
    <section class="canned-section" aria-label={heading}>
      <h3>{heading}</h3>
      {list.length === 0 ? (
        <p class="hint">{empty}</p>
      ) : (
        <ul class="canned-list">
          {list.map((answer) => (
            <AnswerItem
              key={answer.id}
              answer={answer}
              onEdit={() => setEditing({ draft: draftOf(answer), answer })}
              onDelete={() => void remove(answer)}
            />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <dialog ref={dialog} class="canned-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('canned.title')}</h2>
      <p class="hint">{t('canned.intro')}</p>
      {editing ? (
        <CannedAnswerForm
          key={editing.answer?.id ?? editing.draft.kind}
          initial={editing.draft}
          editing={editing.answer}
          mayWriteTeam={mayWriteTeam}
          onSaved={() => void saved()}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <>
          <div class="canned-toolbar">
            <label>
              {t('canned.search')}{' '}
              <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
            </label>
            <button type="button" class="button button-small" onClick={() => start('text')}>
              {t('canned.new')}
            </button>
            <button type="button" class="button button-small" onClick={() => start('card')}>
              {t('canned.newCard')}
            </button>
          </div>
          {problem && (
            <p class="error" role="alert">
              {errorText(t, problem)}
            </p>
          )}
          {!mayWriteTeam && <p class="hint">{t('canned.teamReadOnly')}</p>}
          <div class="canned-sections">
            {section(t('canned.team'), team, t('canned.none'))}
            {section(t('canned.mine'), mine, query ? t('canned.none') : t('canned.noneMine'))}
          </div>
        </>
      )}
      <button type="button" class="button button-quiet button-small" onClick={() => dialog.current?.close()}>
        {t('canned.close')}
      </button>
    </dialog>
  );
}
