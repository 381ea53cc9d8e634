import { describe, expect, it } from 'vitest';
import type { IntakeQuestion } from '../../src/protocol/schemas.ts';
import { describeAnswers } from './intake-answers.ts';

const option = (id: string, fr: string, en: string, urgent = false) => ({ id, label: { fr, en }, urgent });
const questions: IntakeQuestion[] = [
  {
    id: 'danger',
    label: { fr: 'Êtes-vous en danger en ce moment\u00a0?', en: 'Are you in danger right now?' },
    options: [option('yes', 'Oui', 'Yes', true), option('no', 'Non', 'No')],
  },
  {
    id: 'age',
    label: { fr: 'Quel âge avez-vous ?', en: 'How old are you?' },
    options: [option('18-21', '18 à 21 ans', '18 to 21'), option('22-25', '22 à 25 ans', '22 to 25')],
  },
];

describe('intake answers', () => {
  it('names each answer with its question, in the order the questions are asked', () => {
    expect(describeAnswers(questions, { age: '18-21', danger: 'yes' }, 'fr')).toEqual([
      { questionId: 'danger', question: 'Êtes-vous en danger en ce moment\u00a0?', answer: 'Oui' },
      { questionId: 'age', question: 'Quel âge avez-vous\u00a0?', answer: '18 à 21 ans' },
    ]);
  });

  it('speaks the console’s language', () => {
    expect(describeAnswers(questions, { danger: 'no' }, 'en')).toEqual([
      { questionId: 'danger', question: 'Are you in danger right now?', answer: 'No' },
    ]);
  });

  it('shows unknown questions and options as their ids, after the known ones', () => {
    expect(describeAnswers(questions, { housing: 'shelter', age: '40-plus' }, 'fr')).toEqual([
      { questionId: 'age', question: 'Quel âge avez-vous\u00a0?', answer: '40-plus' },
      { questionId: 'housing', question: 'housing', answer: 'shelter' },
    ]);
  });

  it('says nothing when she skipped the questions, even before the labels are loaded', () => {
    expect(describeAnswers(questions, {}, 'fr')).toEqual([]);
    expect(describeAnswers([], { danger: 'yes' }, 'fr')).toEqual([
      { questionId: 'danger', question: 'danger', answer: 'yes' },
    ]);
  });
});
