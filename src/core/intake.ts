// The optional intake a visitor may answer before joining the queue: her answers are checked against the
// questions asked, and an answer marked urgent ("I am in danger now") puts her ahead in the queue.
import { HavreError } from '../protocol/errors.ts';
import type { Intake, IntakeAnswers } from '../protocol/schemas.ts';

/** True when an answer is one the admins marked urgent; refuses answers to questions that were not asked. */
export function answersAreUrgent(intake: Intake, answers: IntakeAnswers): boolean {
  const entries = Object.entries(answers);
  if (entries.length > 0 && !intake.enabled) throw new HavreError('INVALID_PAYLOAD', 'intake: no questions are asked');
  let urgent = false;
  for (const [questionId, optionId] of entries) {
    const option = intake.questions.find((q) => q.id === questionId)?.options.find((o) => o.id === optionId);
    if (!option) throw new HavreError('INVALID_PAYLOAD', `intake.${questionId}: not an answer to this question`);
    urgent ||= option.urgent;
  }
  return urgent;
}
