import { describe, expect, it } from 'vitest';
import type { Intake } from '../../src/protocol/settings-schema.ts';
import { asksIntake, intakePayload, urgentQuestion } from './intake.ts';

const option = (id: string, urgent = false) => ({ id, label: { fr: id, en: id }, urgent });
const intake: Intake = {
  enabled: true,
  questions: [
    { id: 'danger', label: { fr: 'Danger ?', en: 'Danger?' }, options: [option('yes', true), option('no')] },
    { id: 'age', label: { fr: 'Âge ?', en: 'Age?' }, options: [option('18-21'), option('22-25')] },
  ],
};

describe('intake answers', () => {
  it('sends only the questions she answered', () => {
    expect(intakePayload(intake, { age: '18-21' })).toEqual({ age: '18-21' });
    expect(intakePayload(intake, { danger: 'no', age: '22-25' })).toEqual({ danger: 'no', age: '22-25' });
  });

  it('sends nothing at all when she answered nothing', () => {
    expect(intakePayload(intake, {})).toBeUndefined();
  });

  it('drops answers the current questions do not offer', () => {
    expect(intakePayload(intake, { danger: 'perhaps', removed: 'x', age: '18-21' })).toEqual({ age: '18-21' });
    expect(intakePayload(intake, { toString: 'x' })).toBeUndefined();
  });

  it('finds the question where she chose an urgent answer', () => {
    expect(urgentQuestion(intake, { danger: 'yes' })).toBe('danger');
    expect(urgentQuestion(intake, { danger: 'no', age: '18-21' })).toBeNull();
    expect(urgentQuestion(intake, {})).toBeNull();
  });

  it('asks the questions only when the intake is on and has some', () => {
    expect(asksIntake(intake)).toBe(true);
    expect(asksIntake({ ...intake, enabled: false })).toBe(false);
    expect(asksIntake({ enabled: true, questions: [] })).toBe(false);
    expect(asksIntake(undefined)).toBe(false);
  });
});
