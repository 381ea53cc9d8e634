// The admins' editor of the closing form's lists: for each list, its categories in French and English, added
// or removed. Removing a category does not touch forms already filed with it.
import {
  type ClosingListName,
  closingListNames,
  maxCategoriesOf,
  optionalClosingLists,
} from '../../src/protocol/conversation-tools-schema.ts';
import { type CategoryRow, newCategory } from './closing-lists-form.ts';
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
  contactTypes: 'closingForm.contactType',
  dangerLevels: 'closingForm.dangerLevel',
  heardFrom: 'closingForm.heardFrom',
  areas: 'closingForm.area',
};

/** Lists longer than this are folded. */
const FOLDED_ABOVE = 30;

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
      {closingListNames.map((name) => {
        const list = (
          <CategoryList
            key={name}
            title={t(listTitles[name])}
            max={maxCategoriesOf(name)}
            optional={optionalClosingLists.has(name)}
            rows={form.closingLists[name]}
            onChange={(rows) => change(name, rows)}
          />
        );
        // A long list (the 101 départements) stays folded until she opens it.
        return form.closingLists[name].length > FOLDED_ABOVE ? (
          <details key={name} class="folded-list">
            <summary>
              {t('closingLists.folded', { list: t(listTitles[name]), n: form.closingLists[name].length })}
            </summary>
            {list}
          </details>
        ) : (
          list
        );
      })}
    </fieldset>
  );
}

function CategoryList(props: {
  title: string;
  max: number;
  /** The list may be emptied: the form then does not ask the question. */
  optional: boolean;
  rows: CategoryRow[];
  onChange: (rows: CategoryRow[]) => void;
}) {
  const { t } = useLocale();
  const { title, rows, onChange } = props;
  const update = (key: number, next: Partial<CategoryRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...next } : row)));
  return (
    <fieldset class="intake-question">
      <legend>{title}</legend>
      {props.optional && <p class="hint">{t(rows.length === 0 ? 'closingLists.notAsked' : 'closingLists.optional')}</p>}
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
            {(props.optional || rows.length > 1) && (
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
      {rows.length < props.max && (
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
