// The closing form's lists as the settings form edits them, and back. Existing categories keep their ids
// whatever their new wording (filed forms point at those ids); new ones get an id from their French label.
import {
  type ClosingFormLists,
  type ClosingListName,
  closingListNames,
} from '../../src/protocol/conversation-tools-schema.ts';
import { slugify, uniqueSlug } from './intake-form.ts';

export interface CategoryRow {
  key: number;
  /** The stored id, or null for a category added in this form. */
  id: string | null;
  fr: string;
  en: string;
}

export type ClosingListRows = Record<ClosingListName, CategoryRow[]>;

let lastKey = 0;
const nextKey = (): number => {
  lastKey += 1;
  return lastKey;
};

export const newCategory = (): CategoryRow => ({ key: nextKey(), id: null, fr: '', en: '' });

export function toClosingListRows(lists: ClosingFormLists): ClosingListRows {
  const rows = (name: ClosingListName) =>
    lists[name].map((item) => ({ key: nextKey(), id: item.id, fr: item.label.fr, en: item.label.en }));
  return Object.fromEntries(closingListNames.map((name) => [name, rows(name)])) as ClosingListRows;
}

/** The lists for PUT /api/admin/settings; the server checks lengths and counts and says what is wrong. */
export function fromClosingListRows(rows: ClosingListRows): ClosingFormLists {
  const list = (name: ClosingListName) => {
    // Kept ids first, so that a new category never takes the id of an existing one.
    const taken = new Set(rows[name].flatMap((row) => (row.id === null ? [] : [row.id])));
    return rows[name].map((row) => {
      const id = row.id ?? uniqueSlug(slugify(row.fr) || 'categorie', taken);
      taken.add(id);
      return { id, label: { fr: row.fr.trim(), en: row.en.trim() } };
    });
  };
  return Object.fromEntries(closingListNames.map((name) => [name, list(name)])) as ClosingFormLists;
}
