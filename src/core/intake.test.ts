import { describe, expect, it } from 'vitest';
import type { Intake } from '../protocol/schemas.ts';
import { answersAreUrgent } from './intake.ts';

const intake: Intake = {
  enabled: true,
  questions: [
    {
      id: 'danger',
      label: { fr: 'En danger ?', en: 'In danger?' },
      options: [
        { id: 'yes', label: { fr: 'Oui', en: 'Yes' }, urgent: true },
        { id: 'no', label: { fr: 'Non', en: 'No' }, urgent: false },
      ],
    },
  ],
};

describe('intake answers', () => {
  it('marks urgent only an answer the admins marked urgent', () => {
    expect(answersAreUrgent(intake, { danger: 'yes' })).toBe(true);
    expect(answersAreUrgent(intake, { danger: 'no' })).toBe(false);
    expect(answersAreUrgent(intake, {})).toBe(false);
  });

  it('refuses answers to questions that were not asked', () => {
    expect(() => answersAreUrgent(intake, { danger: 'maybe' })).toThrow('not an answer');
    expect(() => answersAreUrgent(intake, { age: '15-17' })).toThrow('not an answer');
    expect(() => answersAreUrgent({ ...intake, enabled: false }, { danger: 'yes' })).toThrow('no questions');
  });
});
