import { describe, expect, it } from 'vitest';
import { defaultClosingForm } from '../server/services/default-settings.ts';
import { checkClosingAnswers, unknownClosingIds } from './closing-form.ts';

const answers = {
  violenceTypes: ['physical'],
  author: 'partner',
  ageBracket: null,
  actions: ['listening'],
  services: [],
  contactType: 'genuine',
  returning: null,
  childrenExposed: true,
  dangerLevel: null,
  emergencyCalled: null,
  heardFrom: null,
  area: '2a',
  comment: '',
};

describe('closing form answers', () => {
  it('accepts answers drawn from the lists, author and age unknown included', () => {
    expect(unknownClosingIds(defaultClosingForm, answers)).toEqual([]);
    expect(unknownClosingIds(defaultClosingForm, { ...answers, author: null })).toEqual([]);
  });

  it('names every category the lists do not hold, by list', () => {
    const wrong = { ...answers, violenceTypes: ['physical', 'gone'], ageBracket: 'old', services: ['nowhere'] };
    expect(unknownClosingIds(defaultClosingForm, wrong)).toEqual([
      'violenceTypes.gone',
      'ageBrackets.old',
      'services.nowhere',
    ]);
    expect(() => checkClosingAnswers(defaultClosingForm, wrong)).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
    );
  });

  it('checks the reporting answers against their lists too', () => {
    const wrong = { ...answers, contactType: 'spam', dangerLevel: 'extreme', heardFrom: 'radio', area: '99' };
    expect(unknownClosingIds(defaultClosingForm, wrong)).toEqual([
      'contactTypes.spam',
      'dangerLevels.extreme',
      'heardFrom.radio',
      'areas.99',
    ]);
    const noAreas = { ...defaultClosingForm, areas: [] };
    expect(unknownClosingIds(noAreas, answers)).toEqual(['areas.2a']);
    expect(unknownClosingIds(noAreas, { ...answers, area: null })).toEqual([]);
  });

  it('does not take an id from another list', () => {
    expect(unknownClosingIds(defaultClosingForm, { ...answers, author: 'physical' })).toEqual(['authors.physical']);
  });
});
