import { describe, expect, it } from 'vitest';
import { cannedAnswerInputSchema } from '../../src/protocol/canned-answers.ts';
import { draftOf, emptyDraft, inputOf } from './canned-form.ts';

describe('canned answer form', () => {
  it('turns a card draft into the input the server takes, one phone and link per line', () => {
    const draft = {
      ...emptyDraft('card', 'team'),
      shortcut: ' CIDFF ',
      title: 'CIDFF',
      name: 'CIDFF de Paris',
      phones: '01 02 03 04 05\n\n  06 07 08 09 10 ',
      links: 'https://example.org\n',
      hours: 'Lundi au vendredi',
    };
    const input = inputOf(draft);
    expect(input).toEqual({
      kind: 'card',
      scope: 'team',
      shortcut: 'cidff',
      title: 'CIDFF',
      card: {
        name: 'CIDFF de Paris',
        phones: ['01 02 03 04 05', '06 07 08 09 10'],
        links: ['https://example.org'],
        address: '',
        hours: 'Lundi au vendredi',
      },
    });
    expect(cannedAnswerInputSchema.safeParse(input).success).toBe(true);
  });

  it('reads an answer back into the same draft', () => {
    const draft = {
      ...emptyDraft('text', 'personal'),
      shortcut: 'merci',
      title: 'Merci',
      text: 'Merci de votre confiance.',
    };
    const view = { id: 'x', editable: true, updatedAt: '', card: null, ...inputOf(draft) };
    expect(draftOf({ ...view, text: draft.text })).toEqual(draft);
  });
});
