// Zod schemas for every HTTP body and socket payload: the one contract the server and the web apps share.
import { z } from 'zod';
import { locales, roles, weekdays } from './constants.ts';
import { HavreError } from './errors.ts';
import { MAX_MESSAGE_LENGTH } from './limits.ts';

export type { Locale, Role, Weekday } from './constants.ts';
export { locales, roles, weekdays };

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

export const weeklySlotSchema = z
  .object({ day: z.enum(weekdays), start: clockTime, end: clockTime })
  .refine((slot) => slot.start < slot.end, 'a slot must end after it starts');

export const closureSchema = z.object({ date: isoDate, label: z.string().max(200).optional() });

export const scheduleSchema = z.object({
  timeZone: timeZoneSchema,
  slots: z.array(weeklySlotSchema).max(50),
  closures: z.array(closureSchema).max(500),
});
export type Schedule = z.infer<typeof scheduleSchema>;
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;
export type Closure = z.infer<typeof closureSchema>;

const messageText = z
  .string()
  .max(MAX_MESSAGE_LENGTH)
  .refine((text) => text.trim().length > 0, 'a message cannot be empty');
const clientId = z.uuid();
const conversationId = z.uuid();
const seq = z.number().int().min(0);

// ---- visitor socket events (namespace /visitor) ----
export const visitorStartSchema = z.object({ locale: z.enum(locales).optional() }).strict();
export const visitorResumeSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), afterSeq: seq }).strict();
export const visitorSendSchema = z.object({ clientId, text: messageText }).strict();
export const typingSchema = z.object({ typing: z.boolean() }).strict();
export const emptySchema = z.object({}).strict();
export const visitorHistorySchema = z.object({ afterSeq: seq }).strict();

// ---- staff socket events (namespace /staff) ----
export const presenceSchema = z.object({ status: z.enum(['available', 'paused']) }).strict();
export const staffSendSchema = z.object({ conversationId, clientId, text: messageText }).strict();
export const staffHistorySchema = z.object({ conversationId, afterSeq: seq }).strict();
export const staffTypingSchema = z.object({ conversationId, typing: z.boolean() }).strict();
export const staffConversationSchema = z.object({ conversationId }).strict();

// ---- HTTP bodies ----
const username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash, underscore');
const password = z.string().min(12, 'at least 12 characters').max(256);

export const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const setupSchema = z.object({
  token: z.string().min(20).max(200),
  username,
  displayName: z.string().trim().min(1).max(80),
  password,
});
export const createStaffSchema = z.object({
  username,
  displayName: z.string().trim().min(1).max(80),
  password,
  role: z.enum(roles),
});
export const updateStaffSchema = z
  .object({ disabled: z.boolean().optional(), role: z.enum(roles).optional() })
  .strict();
export const settingsSchema = z.object({
  schedule: scheduleSchema,
  maxConversationsPerCounselor: z.number().int().min(1).max(10),
  /** Days after a conversation closes before its content is destroyed. */
  retentionDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Parses a payload or throws a HavreError with a stable code.
 * An over-long message has its own code so that the visitor can be told why.
 */
export function parsePayload<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const tooLong = result.error.issues.some((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (tooLong) throw new HavreError('MESSAGE_TOO_LONG', `a message holds at most ${MAX_MESSAGE_LENGTH} characters`);
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new HavreError('INVALID_PAYLOAD', `${where}${first?.message ?? 'invalid payload'}`);
}
