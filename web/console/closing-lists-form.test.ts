import { describe, expect, it } from 'vitest';
import { defaultClosingForm } from '../../src/server/services/default-settings.ts';
import { fromClosingListRows, newCategory, toClosingListRows } from './closing-lists-form.ts';

describe('closing lists form', () => {
  it('round-trips the lists', () => {
    expect(fromClosingListRows(toClosingListRows(defaultClosingForm))).toEqual(defaultClosingForm);
  });

  it('keeps the id of a renamed category and makes a unique id for a new one', () => {
    const rows = toClosingListRows(defaultClosingForm);
    rows.authors = rows.authors.map((row) => (row.id === 'other' ? { ...row, fr: 'Quelqu’un d’autre' } : row));
    rows.authors.push({ ...newCategory(), fr: ' Autre ', en: 'Other again' });
    rows.services.push({ ...newCategory(), fr: 'Maison des femmes', en: 'Women’s house' });
    const lists = fromClosingListRows(rows);
    expect(lists.authors.map((item) => item.id)).toEqual(['partner', 'ex-partner', 'family', 'other', 'autre']);
    expect(lists.authors.at(-1)?.label).toEqual({ fr: 'Autre', en: 'Other again' });
    expect(lists.services.at(-1)?.id).toBe('maison-des-femmes');
  });
});
