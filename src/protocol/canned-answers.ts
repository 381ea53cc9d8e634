// Canned answers and resource cards: the contract for their HTTP routes. Team answers are shared by everyone
// and managed by supervisors and admins; personal ones belong to one staff member, who alone sees and edits them.
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './limits.ts';

export const cannedScopes = ['team', 'personal'] as const;
export type CannedScope = (typeof cannedScopes)[number];

/** What follows the `/` in the composer: short, lowercase, no spaces, so that it is typed without thinking. */
export const shortcutSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, starting with a letter or digit');

const line = (max: number) => z.string().trim().max(max);

export const resourceCardSchema = z
  .object({
    name: line(120).min(1),
    phones: z.array(line(60).min(1)).max(6),
    links: z.array(z.url({ protocol: /^https?$/ }).max(300)).max(4),
    address: line(300),
    hours: line(200),
  })
  .strict();
export type ResourceCard = z.infer<typeof resourceCardSchema>;

const text = z
  .string()
  .max(MAX_MESSAGE_LENGTH)
  .refine((value) => value.trim().length > 0, 'an answer cannot be empty');

export const cannedAnswerInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      scope: z.enum(cannedScopes),
      shortcut: shortcutSchema,
      title: line(80).min(1),
      text,
    })
    .strict(),
  z
    .object({
      kind: z.literal('card'),
      scope: z.enum(cannedScopes),
      shortcut: shortcutSchema,
      title: line(80).min(1),
      card: resourceCardSchema,
    })
    .strict(),
]);
export type CannedAnswerInput = z.infer<typeof cannedAnswerInputSchema>;

export interface CannedAnswerView {
  id: string;
  scope: CannedScope;
  kind: 'text' | 'card';
  shortcut: string;
  title: string;
  /** For kind `text`. */
  text: string | null;
  /** For kind `card`. */
  card: ResourceCard | null;
  /** She may change or delete it (her own, or a team answer if she is a supervisor or admin). */
  editable: boolean;
  updatedAt: string;
}
