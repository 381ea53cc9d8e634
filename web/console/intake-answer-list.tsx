// A visitor's answers to the optional questions, in plain words: in the waiting list and in her conversation.
import type { IntakeAnswers, IntakeQuestion } from '../../src/protocol/schemas.ts';
import { describeAnswers } from './intake-answers.ts';
import { useLocale } from './locale-context.ts';

export function IntakeAnswerList({
  questions,
  answers,
}: {
  questions: readonly IntakeQuestion[];
  answers: IntakeAnswers;
}) {
  const { locale } = useLocale();
  const lines = describeAnswers(questions, answers, locale);
  if (lines.length === 0) return null;
  return (
    <dl class="intake-answers">
      {lines.map((line) => (
        <div key={line.questionId}>
          <dt>{line.question}</dt> <dd>{line.answer}</dd>
        </div>
      ))}
    </dl>
  );
}
