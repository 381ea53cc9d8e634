// Pieces the settings schemas share: an id admins can type, a French/English label, the rule that ids in a
// list are unique.
import { z } from 'zod';

export const slug = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes');
export const localized = z.object({ fr: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
export const uniqueIds = (items: readonly { id: string }[]) =>
  new Set(items.map((item) => item.id)).size === items.length;
