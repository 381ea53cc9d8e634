import { describe, expect, it } from 'vitest';
import type { IntakeQuestion } from '../../src/protocol/schemas.ts';
import { intakeOptionSchema } from '../../src/protocol/settings-schema.ts';
import { defaultIntakeQuestions } from '../../src/server/services/default-settings.ts';
import {
  fromIntakeRows,
  type IntakeQuestionRow,
  moveQuestion,
  newAnswer,
  newQuestion,
  slugify,
  toIntakeRows,
  uniqueSlug,
} from './intake-form.ts';

const danger: IntakeQuestion = {
  id: 'danger',
  label: { fr: 'En danger ?', en: 'In danger?' },
  options: [
    { id: 'yes', label: { fr: 'Oui', en: 'Yes' }, urgent: true },
    { id: 'no', label: { fr: 'Non', en: 'No' }, urgent: false },
  ],
};

const filled = (fr: string, en: string, answers: [string, string, boolean][]): IntakeQuestionRow => ({
  ...newQuestion(),
  fr,
  en,
  answers: answers.map(([answerFr, answerEn, urgent]) => ({ ...newAnswer(), fr: answerFr, en: answerEn, urgent })),
});

describe('intake ids', () => {
  it('makes a short ascii slug of the French wording', () => {
    expect(slugify('Êtes-vous en danger ?')).toBe('etes-vous-en-danger');
    expect(slugify('  Cœur, âme & « sœur » ! ')).toBe('coeur-ame-soeur');
    expect(slugify('15 à 17 ans')).toBe('15-a-17-ans');
    expect(slugify('?!')).toBe('');
    const long = slugify('Avez-vous déjà parlé de cette situation à quelqu’un de confiance ?');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('adds a number when the slug is taken, staying within 40 characters', () => {
    expect(uniqueSlug('oui', new Set())).toBe('oui');
    expect(uniqueSlug('oui', new Set(['oui', 'oui-2']))).toBe('oui-3');
    const forty = 'a'.repeat(40);
    expect(uniqueSlug(forty, new Set([forty]))).toBe(`${'a'.repeat(38)}-2`);
  });
});

describe('intake rows', () => {
  it('round-trips the stored questions', () => {
    expect(fromIntakeRows(toIntakeRows(defaultIntakeQuestions))).toEqual(defaultIntakeQuestions);
  });

  it('keeps the ids of existing questions and answers whose wording changed', () => {
    const [row] = toIntakeRows([danger]);
    if (!row) throw new Error('no row');
    const reworded = {
      ...row,
      fr: 'Êtes-vous en sécurité ?',
      answers: row.answers.map((a) => ({ ...a, fr: 'Autre' })),
    };
    const [sent] = fromIntakeRows([reworded]);
    expect(sent?.id).toBe('danger');
    expect(sent?.label.fr).toBe('Êtes-vous en sécurité ?');
    expect(sent?.options.map((option) => option.id)).toEqual(['yes', 'no']);
  });

  it('gives new questions and answers unique ids from their French wording, never an existing id', () => {
    const rows = [
      ...toIntakeRows([{ ...danger, id: 'oui' }]),
      filled(' Avez-vous un endroit sûr où aller ? ', 'Do you have a safe place to go?', [
        ['Oui', 'Yes', false],
        ['Non', 'No', true],
        ['Non !', 'No!', true],
        ['', '', false],
      ]),
      filled('Oui', 'Yes', [
        ['A', 'A', false],
        ['B', 'B', false],
      ]),
    ];
    const sent = fromIntakeRows(rows);
    expect(sent.map((question) => question.id)).toEqual(['oui', 'avez-vous-un-endroit-sur-ou-aller', 'oui-2']);
    expect(sent[1]?.label).toEqual({
      fr: 'Avez-vous un endroit sûr où aller ?',
      en: 'Do you have a safe place to go?',
    });
    expect(sent[1]?.options.map((option) => [option.id, option.urgent])).toEqual([
      ['oui', false],
      ['non', true],
      ['non-2', true],
      ['reponse', false],
    ]);
    const ids = sent.flatMap((question) => [question.id, ...question.options.map((option) => option.id)]);
    for (const id of ids) expect(intakeOptionSchema.shape.id.safeParse(id).success, id).toBe(true);
  });

  it('moves a question up or down, and not past either end', () => {
    const rows = toIntakeRows(defaultIntakeQuestions);
    const ids = (moved: IntakeQuestionRow[]) => moved.map((row) => row.id);
    const [first, second, third] = rows;
    if (!first || !second || !third) throw new Error('three default questions expected');
    expect(ids(moveQuestion(rows, second.key, -1))).toEqual(['age', 'danger', 'concerned']);
    expect(ids(moveQuestion(rows, second.key, 1))).toEqual(['danger', 'concerned', 'age']);
    expect(ids(moveQuestion(rows, first.key, -1))).toEqual(['danger', 'age', 'concerned']);
    expect(ids(moveQuestion(rows, third.key, 1))).toEqual(['danger', 'age', 'concerned']);
  });

  it('starts a new question with two empty answers', () => {
    const question = newQuestion();
    expect(question.id).toBeNull();
    expect(question.answers).toHaveLength(2);
    expect(question.answers.every((answer) => answer.id === null && !answer.urgent)).toBe(true);
  });
});
