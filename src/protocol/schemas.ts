// Zod schemas for every HTTP body and socket payload: the one contract the server and the web apps share.
import { z } from 'zod';
import { locales, roles, weekdays } from './constants.ts';
import { HavreError } from './errors.ts';
import { MAX_MESSAGE_LENGTH } from './limits.ts';
import { intakeAnswersSchema } from './settings-schema.ts';
import { workSolutionSchema } from './work.ts';

export type { Locale, Role, Weekday } from './constants.ts';
export {
  type Closure,
  closureSchema,
  type Schedule,
  scheduleSchema,
  timeZoneSchema,
  type WeeklySlot,
  weeklySlotSchema,
} from './schedule-schema.ts';
export {
  type Intake,
  type IntakeAnswers,
  type IntakeQuestion,
  intakeAnswersSchema,
  type Settings,
  settingsSchema,
} from './settings-schema.ts';
export { locales, roles, weekdays };

const messageText = z
  .string()
  .max(MAX_MESSAGE_LENGTH)
  .refine((text) => text.trim().length > 0, 'a message cannot be empty');
const clientId = z.uuid();
const conversationId = z.uuid();
/** A sequence number, bounded by the `integer` column that holds it. */
const seq = z.number().int().min(0).max(2_147_483_647);

// ---- visitor socket events (namespace /visitor) ----
export const visitorStartSchema = z
  .object({
    locale: z.enum(locales).optional(),
    intake: intakeAnswersSchema.optional(),
    /** A random token her tab keeps in sessionStorage, so that a block can refuse the same tab (hash stored). */
    tab: z.uuid().optional(),
    /** The solved admission work (src/protocol/work.ts); required, its absence has its own code. */
    work: workSolutionSchema.optional(),
  })
  .strict();
export const surveyAnswers = ['yes', 'somewhat', 'no'] as const;
export type SurveyAnswer = (typeof surveyAnswers)[number];
/** POST /api/survey: her resume token (held in the tab's memory once it has ended) and her answer. */
export const visitorSurveySchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), answer: z.enum(surveyAnswers) })
  .strict();
export const visitorEndSchema = z.object({ reason: z.literal('quick_exit').optional() }).strict();
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
  .strict()
  .refine((changes) => changes.disabled !== undefined || changes.role !== undefined, 'nothing to change');

/**
 * Parses a payload or throws a HavreError with a stable code.
 * An over-long message has its own code so that the visitor can be told why.
 */
export function parsePayload<T>(schema: z.ZodType<T>, input: unknown): T {
  // NUL and other control characters (tab, line feed and carriage return aside) are refused everywhere:
  // PostgreSQL cannot store NUL in text, and none belongs in anything a person types.
  if (holdsControlCharacters(input)) {
    throw new HavreError('INVALID_PAYLOAD', 'control characters are not allowed');
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const tooLong = result.error.issues.some((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (tooLong) throw new HavreError('MESSAGE_TOO_LONG', `a message holds at most ${MAX_MESSAGE_LENGTH} characters`);
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new HavreError('INVALID_PAYLOAD', `${where}${first?.message ?? 'invalid payload'}`);
}

// ---- staff account security (two-step login, password change, two-factor authentication) ----
const loginToken = z.string().min(20).max(300);
/** Six digits from the app, or a recovery code (XXXX-XXXX-XXXX-XXXX, case and dashes free). */
const secondFactorCode = z.string().trim().min(6).max(40);
export const loginCodeSchema = z.object({ loginToken, code: secondFactorCode }).strict();
export const loginEnrolStartSchema = z.object({ loginToken }).strict();
export const loginEnrolConfirmSchema = z.object({ loginToken, code: z.string().trim().min(6).max(12) }).strict();
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();
export const totpCodeSchema = z.object({ code: z.string().trim().min(6).max(12) }).strict();
export const securityPolicySchema = z.object({ requireTotp: z.boolean() }).strict();
// ---- supervision (namespace /staff, supervisors and admins) ----
export const supervisionConversationSchema = z.object({ conversationId }).strict();
export const whisperSchema = z.object({ conversationId, clientId, text: messageText }).strict();
export const intakeModeSchema = z
  .object({
    mode: z.enum(['open', 'paused', 'closing']),
    /** Shown to visitors while paused or closing: short, plain, one line. */
    message: z.string().trim().max(200).nullable(),
  })
  .strict();
export const raidModeSchema = z
  .object({
    on: z.boolean(),
    /** Shown to visitors while raid mode is on: short, plain, nothing personal. */
    message: z.string().trim().max(200).nullable(),
  })
  .strict();
/** A raid wave: the waiting conversations of the last few minutes; `preview` only counts them. */
export const endWaveSchema = z
  .object({
    withinMinutes: z.union([z.literal(5), z.literal(15), z.literal(30), z.literal(60)]),
    /** Those who answered that they are in danger now stay, unless the supervisor ticks them too. */
    includeUrgent: z.boolean(),
    preview: z.boolean(),
    /** The end of the window as the preview fixed it, so that nobody who arrived since is ended. */
    until: z.iso.datetime().optional(),
  })
  .strict();
export const unblockSchema = z.object({ blockId: z.uuid() }).strict();

// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the list of what is refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function holdsControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (value === null || typeof value !== 'object' || depth > 20) return false;
  return Object.entries(value).some(([key, item]) => CONTROL.test(key) || holdsControlCharacters(item, depth + 1));
}
