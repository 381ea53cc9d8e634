// The optional intake before she joins the queue: which answers to send, and whether one of them says she is
// in danger now. Pure functions, so that the screen stays a thin layer over them.
import type { Intake, IntakeAnswers } from '../../src/protocol/settings-schema.ts';

/** Her choices so far: question id → option id. Unanswered questions are simply absent. */
export type IntakeChoices = Readonly<Record<string, string>>;

/**
 * What `conversation:start` carries: only the questions she answered, and only answers the current intake
 * offers (the admins may have changed it meanwhile). Undefined when there is nothing to send.
 */
export function intakePayload(intake: Intake, choices: IntakeChoices): IntakeAnswers | undefined {
  const answers: IntakeAnswers = {};
  for (const question of intake.questions) {
    const chosen = Object.hasOwn(choices, question.id) ? choices[question.id] : undefined;
    if (chosen !== undefined && question.options.some((option) => option.id === chosen)) answers[question.id] = chosen;
  }
  return Object.keys(answers).length > 0 ? answers : undefined;
}

/** The first question whose chosen answer is marked urgent, or null: the emergency numbers go right under it. */
export function urgentQuestion(intake: Intake, choices: IntakeChoices): string | null {
  const question = intake.questions.find((q) =>
    q.options.some((option) => option.urgent && Object.hasOwn(choices, q.id) && choices[q.id] === option.id),
  );
  return question?.id ?? null;
}

/** Whether pressing "start" first shows the questions. */
export function asksIntake(intake: Intake | undefined): boolean {
  return intake?.enabled === true && intake.questions.length > 0;
}
