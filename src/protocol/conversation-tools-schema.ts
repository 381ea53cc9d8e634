// The contracts of the counselor's conversation tools: the closing form (the lists she picks from, admin-editable
// ids with French and English labels, and her answers: category ids only, kept for statistics, plus a free
// comment that is staff-only, encrypted and purged with the content), private notes, transfer and read marks.
import { z } from 'zod';
import { localized, slug, uniqueIds } from './schema-parts.ts';

export const closingCategorySchema = z.object({ id: slug, label: localized });
export type ClosingCategory = z.infer<typeof closingCategorySchema>;

const categoryList = z.array(closingCategorySchema).min(1).max(30).refine(uniqueIds, 'ids must be unique');

/** The lists, in the order the form shows them. */
export const closingFormListsSchema = z.object({
  violenceTypes: categoryList,
  authors: categoryList,
  ageBrackets: categoryList,
  actions: categoryList,
  services: categoryList,
});
export type ClosingFormLists = z.infer<typeof closingFormListsSchema>;
export type ClosingListName = keyof ClosingFormLists;
export const closingListNames = ['violenceTypes', 'authors', 'ageBrackets', 'actions', 'services'] as const;

export const MAX_CLOSING_COMMENT_LENGTH = 2000;

/** Her answers. Author and age may be unknown; at least one thing was done (if only listening). */
export const closingFormAnswersSchema = z
  .object({
    violenceTypes: z.array(slug).max(30),
    author: slug.nullable(),
    ageBracket: slug.nullable(),
    actions: z.array(slug).min(1, 'say what was done').max(30),
    services: z.array(slug).max(30),
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
