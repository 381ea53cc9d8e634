// The intake questions as the settings form edits them, and back. Existing questions and answers keep their
// ids whatever their new wording, because answers already given point at those ids; new ones get an id made
// from their French wording when the form is sent.
import type { IntakeQuestion } from '../../src/protocol/schemas.ts';

export const MAX_QUESTIONS = 8;
export const MIN_ANSWERS = 2;
export const MAX_ANSWERS = 12;
const MAX_ID_LENGTH = 40;

export interface IntakeAnswerRow {
  key: number;
  /** The stored id, or null for an answer added in this form. */
  id: string | null;
  fr: string;
  en: string;
  urgent: boolean;
}

export interface IntakeQuestionRow {
  key: number;
  /** The stored id, or null for a question added in this form. */
  id: string | null;
  fr: string;
  en: string;
  answers: IntakeAnswerRow[];
}

let lastKey = 0;
const nextKey = (): number => {
  lastKey += 1;
  return lastKey;
};

export function toIntakeRows(questions: readonly IntakeQuestion[]): IntakeQuestionRow[] {
  return questions.map((question) => ({
    key: nextKey(),
    id: question.id,
    fr: question.label.fr,
    en: question.label.en,
    answers: question.options.map((option) => ({
      key: nextKey(),
      id: option.id,
      fr: option.label.fr,
      en: option.label.en,
      urgent: option.urgent,
    })),
  }));
}

/** The questions for PUT /api/admin/settings; the server checks lengths and counts and says what is wrong. */
export function fromIntakeRows(rows: readonly IntakeQuestionRow[]): IntakeQuestion[] {
  const questionIds = assignIds(rows, 'question');
  return rows.map((row, index) => {
    const answerIds = assignIds(row.answers, 'reponse');
    return {
      id: questionIds[index] ?? '',
      label: { fr: row.fr.trim(), en: row.en.trim() },
      options: row.answers.map((answer, answerIndex) => ({
        id: answerIds[answerIndex] ?? '',
        label: { fr: answer.fr.trim(), en: answer.en.trim() },
        urgent: answer.urgent,
      })),
    };
  });
}

/** Kept ids first, so that a new row never takes the id of an existing one; then new ids in order. */
function assignIds(rows: readonly { id: string | null; fr: string }[], fallback: string): string[] {
  const taken = new Set(rows.flatMap((row) => (row.id === null ? [] : [row.id])));
  return rows.map((row) => {
    if (row.id !== null) return row.id;
    const id = uniqueSlug(slugify(row.fr) || fallback, taken);
    taken.add(id);
    return id;
  });
}

/** "Êtes-vous en danger ?" → "etes-vous-en-danger": lowercase ascii letters, digits and dashes, 40 at most. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

/** The slug itself if free, else the slug shortened as needed and followed by -2, -3… */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slug.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function newAnswer(): IntakeAnswerRow {
  return { key: nextKey(), id: null, fr: '', en: '', urgent: false };
}

export function newQuestion(): IntakeQuestionRow {
  return { key: nextKey(), id: null, fr: '', en: '', answers: [newAnswer(), newAnswer()] };
}

/** Moves a question one place up (-1) or down (+1); the order is the order visitors see. */
export function moveQuestion(rows: readonly IntakeQuestionRow[], key: number, step: -1 | 1): IntakeQuestionRow[] {
  const from = rows.findIndex((row) => row.key === key);
  const to = from + step;
  const moved = rows[from];
  if (from < 0 || to < 0 || to >= rows.length || !moved) return [...rows];
  const next = rows.filter((row) => row.key !== key);
  next.splice(to, 0, moved);
  return next;
}
