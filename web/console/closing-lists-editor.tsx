// The admins' editor of the closing form's lists: for each list, its categories in French and English, added
// or removed. Removing a category does not touch forms already filed with it.
import { type ClosingListName, closingListNames } from '../../src/protocol/conversation-tools-schema.ts';
import { type CategoryRow, MAX_CATEGORIES, newCategory } from './closing-lists-form.ts';
import { useLocale } from './locale-context.ts';
import type { MessageKey } from './messages.ts';
import type { SettingsForm } from './settings-form.ts';
import { TextField } from './text-field.tsx';

const listTitles: Record<ClosingListName, MessageKey> = {
  violenceTypes: 'closingForm.violenceTypes',
  authors: 'closingForm.author',
  ageBrackets: 'closingForm.ageBracket',
  actions: 'closingForm.actions',
  services: 'closingForm.services',
};

interface ClosingListsEditorProps {
  form: SettingsForm;
  onChange: (change: Partial<SettingsForm>) => void;
}

export function ClosingListsEditor({ form, onChange }: ClosingListsEditorProps) {
  const { t } = useLocale();
  const change = (name: ClosingListName, rows: CategoryRow[]) =>
    onChange({ closingLists: { ...form.closingLists, [name]: rows } });

  return (
    <fieldset class="rows closing-lists-editor">
      <legend>{t('closingLists.title')}</legend>
      <p class="hint">{t('closingLists.hint')}</p>
      {closingListNames.map((name) => (
        <CategoryList
          key={name}
          title={t(listTitles[name])}
          rows={form.closingLists[name]}
          onChange={(rows) => change(name, rows)}
        />
      ))}
    </fieldset>
  );
}

function CategoryList(props: { title: string; rows: CategoryRow[]; onChange: (rows: CategoryRow[]) => void }) {
  const { t } = useLocale();
  const { title, rows, onChange } = props;
  const update = (key: number, next: Partial<CategoryRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...next } : row)));
  return (
    <fieldset class="intake-question">
      <legend>{title}</legend>
      <ol class="intake-answers-editor">
        {rows.map((row, index) => (
          <li key={row.key} class="intake-answer-row">
            <TextField
              label={t('closingLists.fr', { list: title, n: index + 1 })}
              value={row.fr}
              onInput={(fr) => update(row.key, { fr })}
            />
            <TextField
              label={t('closingLists.en', { list: title, n: index + 1 })}
              value={row.en}
              onInput={(en) => update(row.key, { en })}
            />
            {rows.length > 1 && (
              <button
                type="button"
                class="button button-quiet button-small"
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              >
                {t('closingLists.remove', { list: title, n: index + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {rows.length < MAX_CATEGORIES && (
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => onChange([...rows, newCategory()])}
        >
          {t('closingLists.add', { list: title })}
        </button>
      )}
    </fieldset>
  );
}
