// A waiting visitor's intake answers in plain words, with the question and option labels the admins wrote
// (from GET /api/status) in the console's language. An id the labels do not know (a question removed since
// she answered, labels not loaded yet) is shown as it is rather than hidden.
import type { IntakeAnswers, IntakeQuestion, Locale } from '../../src/protocol/schemas.ts';

export interface AnswerLine {
  questionId: string;
  question: string;
  answer: string;
}

/** One line per answer, in the order the questions are asked; answers to unknown questions come last. */
export function describeAnswers(
  questions: readonly IntakeQuestion[],
  answers: IntakeAnswers,
  locale: Locale,
): AnswerLine[] {
  const lines: AnswerLine[] = [];
  for (const question of questions) {
    const optionId = answers[question.id];
    if (optionId === undefined) continue;
    const option = question.options.find((candidate) => candidate.id === optionId);
    lines.push({
      questionId: question.id,
      question: keepPunctuationAttached(question.label[locale]),
      answer: option ? option.label[locale] : optionId,
    });
  }
  const known = new Set(questions.map((question) => question.id));
  for (const [questionId, optionId] of Object.entries(answers)) {
    if (!known.has(questionId)) lines.push({ questionId, question: questionId, answer: optionId });
  }
  return lines;
}

/** "en ce moment ?": a no-break space keeps French punctuation on the line of the word before it. */
export function keepPunctuationAttached(text: string): string {
  return text.replace(/ ([?!:;»])/g, '\u00a0$1');
}
