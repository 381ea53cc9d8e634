// The association's settings, as admins edit them: hours, limits, retention, the intake questions, admission
// and what the visitor page shows. Every field is checked here before anything is stored.
import { z } from 'zod';
import { closingFormListsSchema } from './conversation-tools-schema.ts';
import { MAX_CONVERSATIONS_PER_COUNSELOR } from './limits.ts';
import { scheduleSchema } from './schedule-schema.ts';
import { localized, slug, uniqueIds } from './schema-parts.ts';

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https: address' }).max(500);

/** Refinements run on strings that failed the address check too: this one must not throw on them. */
const isOriginOnly = (url: string) => URL.canParse(url) && new URL(url).origin === url.replace(/\/$/, '');

export const intakeOptionSchema = z.object({
  id: slug,
  label: localized,
  /** Choosing this answer marks the conversation urgent and shows the emergency numbers at once. */
  urgent: z.boolean(),
});

export const intakeQuestionSchema = z.object({
  id: slug,
  label: localized,
  options: z.array(intakeOptionSchema).min(2).max(12).refine(uniqueIds, 'option ids must be unique'),
});

export const intakeSchema = z.object({
  enabled: z.boolean(),
  questions: z.array(intakeQuestionSchema).max(8).refine(uniqueIds, 'question ids must be unique'),
});
export type Intake = z.infer<typeof intakeSchema>;
export type IntakeQuestion = z.infer<typeof intakeQuestionSchema>;

export const admissionSchema = z.object({
  /** No new conversation is opened while paused; visitors are told why and when to come back. */
  paused: z.boolean(),
  /** At most this many visitors wait at once; null for no cap. */
  maxQueue: z.number().int().min(1).max(10_000).nullable(),
});

export const visitorPageSchema = z.object({
  /** The tab title and history entry: neutral, so that someone looking at the device learns nothing. */
  title: z.string().trim().min(1).max(60),
  /**
   * The name shown at the top of the visitor page, neutral too: someone glancing at the screen reads it.
   * Defaulted for settings saved before it existed.
   */
  brand: z.string().trim().min(1).max(40).default('Messagerie'),
  /** The tab icon, one of a few that name nothing (see src/server/http/neutral-icons.ts). */
  icon: z.enum(['bubble', 'weather', 'notes', 'leaf']),
  /** Where quick exit sends the visitor. */
  quickExitUrl: httpsUrl,
  /** Sites allowed to show the visitor page in a frame (their origins, e.g. https://association.example). */
  embedOrigins: z.array(httpsUrl.refine(isOriginOnly, 'an origin only: no path')).max(10),
});

/** Presence in every conversation (decision 0026): how long each side's absence is borne, in seconds. */
export const presenceSchema = z.object({
  /** The supervision board flags a conversation whose counselor has had no console connected this long. */
  counselorFlagSeconds: z.number().int().min(5).max(3_600),
  /** Then, past this, it goes back to the head of the queue (or to an available colleague, if assignment is on). */
  handBackSeconds: z.number().int().min(10).max(3_600),
  /** An active conversation whose visitor has had no tab connected this long ends as `visitor_left`. */
  visitorGoneSeconds: z.number().int().min(10).max(7_200),
});

/** The impact statistics (decision 0027). */
export const statisticsSettingsSchema = z.object({
  /** Counts below this are suppressed in exports and the printed report (1 suppresses nothing). */
  smallCountThreshold: z.number().int().min(1).max(50),
  /** What a counselor-hour costs the association, in euros: the planner's default. */
  counselorHourCost: z.number().min(1).max(1_000),
});

export const settingsSchema = z.object({
  schedule: scheduleSchema,
  maxConversationsPerCounselor: z.number().int().min(1).max(MAX_CONVERSATIONS_PER_COUNSELOR),
  /** Days after a conversation closes before its content is destroyed. */
  retentionDays: z.number().int().min(1).max(3650),
  intake: intakeSchema,
  admission: admissionSchema,
  visitorPage: visitorPageSchema,
  /** The lists the counselor's closing form offers. */
  closingForm: closingFormListsSchema,
  /** Waiting visitors are given to the least loaded available counselor without her taking them (comfort). */
  autoAssignment: z.boolean(),
  /**
   * Closing time: those already waiting are still served for this many minutes after the chat closes; then (or
   * at once with 0) the conversations still waiting are closed as `turned_away_at_closing`, and each visitor is
   * told so, kindly, with the next opening and the emergency numbers.
   */
  servePastClosingMinutes: z.number().int().min(0).max(180),
  presence: presenceSchema,
  statistics: statisticsSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** Answers to the intake: question id → option id. Free text is never asked. */
export const intakeAnswersSchema = z
  .record(slug, slug)
  .refine((answers) => Object.keys(answers).length <= 8, 'too many answers');
export type IntakeAnswers = z.infer<typeof intakeAnswersSchema>;

// ---- closing form (conversation tools) ----
export { type ClosingFormLists, closingFormListsSchema } from './conversation-tools-schema.ts';
