// The contracts of the counselor's conversation tools: the closing form (the lists she picks from, admin-editable
// ids with French and English labels, and her answers: category ids only, kept for statistics, plus a free
// comment that is staff-only, encrypted and purged with the content), private notes, transfer and read marks.
import { z } from 'zod';
import { localized, slug, uniqueIds } from './schema-parts.ts';

export const closingCategorySchema = z.object({ id: slug, label: localized });
export type ClosingCategory = z.infer<typeof closingCategorySchema>;

/** How many categories a list may hold; areas are many (France has 101 départements), the others few. */
export const MAX_CATEGORIES = 30;
export const MAX_AREAS = 130;

const categoryList = (min: number, max = MAX_CATEGORIES) =>
  z.array(closingCategorySchema).min(min).max(max).refine(uniqueIds, 'ids must be unique');

/**
 * The lists, in the order the form shows them. The first five are always asked; the reporting questions after
 * them (issue 12, item 7) are asked only while their list holds something, so that an association that does
 * not report on, say, how she heard of the service empties that list and the question goes.
 */
export const closingFormListsSchema = z.object({
  violenceTypes: categoryList(1),
  authors: categoryList(1),
  ageBrackets: categoryList(1),
  actions: categoryList(1),
  services: categoryList(1),
  contactTypes: categoryList(0),
  dangerLevels: categoryList(0),
  heardFrom: categoryList(0),
  areas: categoryList(0, MAX_AREAS),
});
export type ClosingFormLists = z.infer<typeof closingFormListsSchema>;
export type ClosingListName = keyof ClosingFormLists;
export const closingListNames = [
  'violenceTypes',
  'authors',
  'ageBrackets',
  'actions',
  'services',
  'contactTypes',
  'dangerLevels',
  'heardFrom',
  'areas',
] as const;
/** The lists an admin may empty: the question is then not asked. */
export const optionalClosingLists: ReadonlySet<ClosingListName> = new Set([
  'contactTypes',
  'dangerLevels',
  'heardFrom',
  'areas',
]);
export const maxCategoriesOf = (name: ClosingListName) => (name === 'areas' ? MAX_AREAS : MAX_CATEGORIES);

export const MAX_CLOSING_COMMENT_LENGTH = 2000;

/** A yes / no the counselor may not know: null. Absent (a console from before) is null too. */
const knownOrNot = z.boolean().nullable().default(null);
const oneOrNone = slug.nullable().default(null);

/**
 * Her answers. Author and age may be unknown; at least one thing was done (if only listening). The reporting
 * answers are all optional: what kind of contact it was, whether she had written before (ticked by the
 * counselor: Havre keeps no identity to tell), children exposed, the danger and whether emergency services
 * were called, how she heard of the service, her area.
 */
export const closingFormAnswersSchema = z
  .object({
    violenceTypes: z.array(slug).max(MAX_CATEGORIES),
    author: slug.nullable(),
    ageBracket: slug.nullable(),
    actions: z.array(slug).min(1, 'say what was done').max(MAX_CATEGORIES),
    services: z.array(slug).max(MAX_CATEGORIES),
    contactType: oneOrNone,
    returning: knownOrNot,
    childrenExposed: knownOrNot,
    dangerLevel: oneOrNone,
    emergencyCalled: knownOrNot,
    heardFrom: oneOrNone,
    area: oneOrNone,
    comment: z.string().max(MAX_CLOSING_COMMENT_LENGTH),
  })
  .strict();
export type ClosingFormAnswers = z.infer<typeof closingFormAnswersSchema>;

export const closingFormSubmitSchema = z
  .object({ conversationId: z.uuid(), answers: closingFormAnswersSchema })
  .strict();

// ---- private notes ----
export const MAX_NOTE_LENGTH = 4000;
export const noteAddSchema = z
  .object({
    conversationId: z.uuid(),
    text: z
      .string()
      .max(MAX_NOTE_LENGTH)
      .refine((text) => text.trim().length > 0, 'a note cannot be empty'),
  })
  .strict();
export const noteListSchema = z.object({ conversationId: z.uuid() }).strict();

// ---- transfer ----
export const MAX_TRANSFER_NOTE_LENGTH = 2000;
export const transferSchema = z
  .object({ conversationId: z.uuid(), toStaffId: z.uuid(), note: z.string().max(MAX_TRANSFER_NOTE_LENGTH) })
  .strict();

// ---- read marks ----
/** A sequence number, bounded by the `integer` column that holds it. */
const seq = z.number().int().min(0).max(2_147_483_647);
export const visitorReadSchema = z.object({ seq }).strict();
export const staffReadSchema = z.object({ conversationId: z.uuid(), seq }).strict();
