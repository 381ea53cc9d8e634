// Writing or changing one canned answer or resource card. The scope is chosen only when creating, and the team
// is offered only to supervisors and admins; the server checks both again.
import { useState } from 'preact/hooks';
import type { CannedAnswerView } from '../../src/protocol/canned-answers.ts';
import type { ApiError } from './api.ts';
import { createCannedAnswer, updateCannedAnswer } from './canned-api.ts';
import { type CannedDraft, inputOf } from './canned-form.ts';
import { errorText } from './error-text.ts';
import { TextAreaField } from './form-fields.tsx';
import { useLocale } from './locale-context.ts';
import { TextField } from './text-field.tsx';

interface CannedAnswerFormProps {
  initial: CannedDraft;
  /** The answer being changed, or null for a new one. */
  editing: CannedAnswerView | null;
  mayWriteTeam: boolean;
  onSaved: () => void;
  onCancel: () => void;
}

export function CannedAnswerForm({ initial, editing, mayWriteTeam, onSaved, onCancel }: CannedAnswerFormProps) {
  const { t } = useLocale();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof CannedDraft) => (value: string) => setDraft({ ...draft, [key]: value });

  const save = async () => {
    setBusy(true);
    const input = inputOf(draft);
    const answer = editing ? await updateCannedAnswer(editing.id, input) : await createCannedAnswer(input);
    setBusy(false);
    if (answer.ok) onSaved();
    else setProblem(answer.error);
  };

  return (
    <form
      class="canned-form"
      aria-label={t(editing ? 'canned.editTitle' : draft.kind === 'card' ? 'canned.newCard' : 'canned.new')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {!editing && mayWriteTeam && (
        <fieldset class="canned-scope-choice">
          <legend>{t('canned.field.scope')}</legend>
          {(['personal', 'team'] as const).map((scope) => (
            <label key={scope}>
              <input
                type="radio"
                name="canned-scope"
                checked={draft.scope === scope}
                onChange={() => setDraft({ ...draft, scope })}
              />{' '}
              {t(scope === 'team' ? 'canned.scope.team' : 'canned.scope.personal')}
            </label>
          ))}
        </fieldset>
      )}
      <TextField
        label={t('canned.field.shortcut')}
        value={draft.shortcut}
        onInput={field('shortcut')}
        hint={t('canned.field.shortcutHint')}
        required
      />
      <TextField label={t('canned.field.title')} value={draft.title} onInput={field('title')} required />
      {draft.kind === 'text' ? (
        <TextAreaField label={t('canned.field.text')} value={draft.text} onInput={field('text')} rows={5} />
      ) : (
        <>
          <TextField label={t('canned.field.name')} value={draft.name} onInput={field('name')} required />
          <TextAreaField label={t('canned.field.phones')} value={draft.phones} onInput={field('phones')} rows={2} />
          <TextAreaField label={t('canned.field.links')} value={draft.links} onInput={field('links')} rows={2} />
          <TextField label={t('canned.field.address')} value={draft.address} onInput={field('address')} />
          <TextField label={t('canned.field.hours')} value={draft.hours} onInput={field('hours')} />
        </>
      )}
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      <div class="canned-form-actions">
        <button type="submit" class="button button-primary button-small" disabled={busy}>
          {t('canned.save')}
        </button>
        <button type="button" class="button button-quiet button-small" onClick={onCancel}>
          {t('canned.cancel')}
        </button>
      </div>
    </form>
  );
}
