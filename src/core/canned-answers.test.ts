import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchCannedAnswers,
  mayEditCannedAnswer,
  replaceRange,
  resourceCardText,
  slashQueryAt,
} from './canned-answers.ts';

describe('who may edit a canned answer', () => {
  const camille = { id: 'c', role: 'counselor' } as const;
  const sonia = { id: 's', role: 'supervisor' } as const;
  const ada = { id: 'a', role: 'admin' } as const;

  it('leaves team answers to supervisors and admins', () => {
    expect(mayEditCannedAnswer(camille, null)).toBe(false);
    expect(mayEditCannedAnswer(sonia, null)).toBe(true);
    expect(mayEditCannedAnswer(ada, null)).toBe(true);
  });

  it('leaves a personal answer to its owner alone, whatever the role', () => {
    expect(mayEditCannedAnswer(camille, 'c')).toBe(true);
    expect(mayEditCannedAnswer(ada, 'c')).toBe(false);
    expect(mayEditCannedAnswer(sonia, 'c')).toBe(false);
  });
});

describe('slash query', () => {
  it('opens on a / at the start of a word, up to the caret', () => {
    expect(slashQueryAt('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQueryAt('Bonjour /39', 11)).toEqual({ start: 8, query: '39' });
    expect(slashQueryAt('Bonjour\n/Dan', 12)).toEqual({ start: 8, query: 'dan' });
  });

  it('stays closed inside a word, an address or after a space', () => {
    expect(slashQueryAt('et/ou', 5)).toBeNull();
    expect(slashQueryAt('https://x.fr', 12)).toBeNull();
    expect(slashQueryAt('/3919 ', 6)).toBeNull();
    expect(slashQueryAt('Bonjour', 7)).toBeNull();
  });

  it('finds the / it reports, for any text before it', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-z0-9-]{0,8}$/), (before, query) => {
        const text = `${before} /${query}`;
        const found = slashQueryAt(text, text.length);
        expect(found).toEqual({ start: before.length + 1, query });
        expect(text[found?.start ?? -1]).toBe('/');
      }),
    );
  });
});

describe('matching canned answers', () => {
  const answers = [
    { shortcut: '3919', title: 'Violences Femmes Info' },
    { shortcut: 'danger', title: 'En cas de danger immédiat' },
    { shortcut: '17', title: 'Police secours' },
    { shortcut: '112', title: 'Numéro d’urgence européen' },
  ];

  it('lists shortcuts starting with the query first, then those that contain it, accents ignored', () => {
    expect(matchCannedAnswers(answers, '1').map((answer) => answer.shortcut)).toEqual(['17', '112', '3919']);
    expect(matchCannedAnswers(answers, 'IMMEDIAT').map((answer) => answer.shortcut)).toEqual(['danger']);
    expect(matchCannedAnswers(answers, '').map((answer) => answer.shortcut)).toEqual(['17', '112', '3919', 'danger']);
    expect(matchCannedAnswers(answers, 'zzz')).toEqual([]);
  });
});

describe('inserting', () => {
  it('replaces the typed shortcut and puts the caret after the insertion', () => {
    expect(replaceRange('Voici /39 merci', 6, 9, '3919')).toEqual({ text: 'Voici 3919 merci', caret: 10 });
  });

  it('writes a resource card as plain lines, skipping what is empty', () => {
    const text = resourceCardText(
      {
        name: 'Violences Femmes Info',
        phones: ['3919 (gratuit, anonyme)'],
        links: ['https://arretonslesviolences.gouv.fr'],
        address: '',
        hours: '24 h/24, 7 j/7',
      },
      { phone: 'Téléphone :', link: 'Site :', address: 'Adresse :', hours: 'Horaires :' },
    );
    expect(text).toBe(
      [
        'Violences Femmes Info',
        'Téléphone : 3919 (gratuit, anonyme)',
        'Horaires : 24 h/24, 7 j/7',
        'Site : https://arretonslesviolences.gouv.fr',
      ].join('\n'),
    );
  });
});
