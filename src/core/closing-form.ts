// The closing form's rule: every answer names a category of the lists as they are now, so that the statistics
// count only what the association asked. Pure, no I/O.
import type { ClosingFormAnswers, ClosingFormLists, ClosingListName } from '../protocol/conversation-tools-schema.ts';
import { HavreError } from '../protocol/errors.ts';

/** The answers' ids that are not in the current lists (empty when all are known). */
export function unknownClosingIds(lists: ClosingFormLists, answers: ClosingFormAnswers): string[] {
  const known = (name: ClosingListName) => new Set(lists[name].map((item) => item.id));
  const check = (name: ClosingListName, ids: readonly (string | null)[]) =>
    ids.filter((id): id is string => id !== null && !known(name).has(id)).map((id) => `${name}.${id}`);
  return [
    ...check('violenceTypes', answers.violenceTypes),
    ...check('authors', [answers.author]),
    ...check('ageBrackets', [answers.ageBracket]),
    ...check('actions', answers.actions),
    ...check('services', answers.services),
    ...check('contactTypes', [answers.contactType]),
    ...check('dangerLevels', [answers.dangerLevel]),
    ...check('heardFrom', [answers.heardFrom]),
    ...check('areas', [answers.area]),
  ];
}

/** Refuses answers that name a category the lists do not hold (an admin may have just removed it). */
export function checkClosingAnswers(lists: ClosingFormLists, answers: ClosingFormAnswers): void {
  const unknown = unknownClosingIds(lists, answers);
  if (unknown.length > 0) throw new HavreError('INVALID_PAYLOAD', `unknown categories: ${unknown.join(', ')}`);
}
