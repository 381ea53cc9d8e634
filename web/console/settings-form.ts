// The settings editor's rows and their conversion to and from the server's Settings. Rows carry a local key
// so that removing one in the middle does not shuffle what the others show.
import { type Weekday, weekdays } from '../../src/protocol/constants.ts';
import type { Settings } from '../../src/protocol/schemas.ts';
import { type ClosingListRows, fromClosingListRows, toClosingListRows } from './closing-lists-form.ts';
import { fromIntakeRows, type IntakeQuestionRow, toIntakeRows } from './intake-form.ts';

export const weekdayOrder: readonly Weekday[] = weekdays;

export interface SlotRow {
  key: number;
  day: Weekday;
  start: string;
  end: string;
}

export interface ClosureRow {
  key: number;
  date: string;
  label: string;
}

export interface SettingsForm {
  /** The settings as loaded: what this form does not edit is sent back unchanged. */
  base: Settings;
  timeZone: string;
  slots: SlotRow[];
  closures: ClosureRow[];
  maxConversations: string;
  retentionDays: string;
  intakeEnabled: boolean;
  intakeQuestions: IntakeQuestionRow[];
  paused: boolean;
  /** Empty for no cap. */
  maxQueue: string;
  /** Minutes those already waiting are still served after closing; 0 closes at the hour. */
  servePastClosing: string;
  /** Seconds (settings.presence, decision 0026). */
  counselorFlag: string;
  handBack: string;
  visitorGone: string;
  /** settings.statistics (decision 0027). */
  smallCountThreshold: string;
  counselorHourCost: string;
  pageTitle: string;
  pageBrand: string;
  pageIcon: Settings['visitorPage']['icon'];
  quickExitUrl: string;
  /** One origin per line, as typed. */
  embedOrigins: string;
  closingLists: ClosingListRows;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

let lastKey = 0;
export const nextRowKey = (): number => {
  lastKey += 1;
  return lastKey;
};

export function toSettingsForm(settings: Settings): SettingsForm {
  return {
    base: settings,
    timeZone: settings.schedule.timeZone || DEFAULT_TIME_ZONE,
    slots: settings.schedule.slots.map((slot) => ({ key: nextRowKey(), ...slot })),
    closures: settings.schedule.closures.map((closure) => ({
      key: nextRowKey(),
      date: closure.date,
      label: closure.label ?? '',
    })),
    maxConversations: String(settings.maxConversationsPerCounselor),
    retentionDays: String(settings.retentionDays),
    intakeEnabled: settings.intake.enabled,
    intakeQuestions: toIntakeRows(settings.intake.questions),
    paused: settings.admission.paused,
    maxQueue: settings.admission.maxQueue === null ? '' : String(settings.admission.maxQueue),
    servePastClosing: String(settings.servePastClosingMinutes),
    counselorFlag: String(settings.presence.counselorFlagSeconds),
    handBack: String(settings.presence.handBackSeconds),
    visitorGone: String(settings.presence.visitorGoneSeconds),
    smallCountThreshold: String(settings.statistics.smallCountThreshold),
    counselorHourCost: String(settings.statistics.counselorHourCost),
    pageTitle: settings.visitorPage.title,
    pageBrand: settings.visitorPage.brand,
    pageIcon: settings.visitorPage.icon,
    quickExitUrl: settings.visitorPage.quickExitUrl,
    embedOrigins: settings.visitorPage.embedOrigins.join('\n'),
    closingLists: toClosingListRows(settings.closingForm),
  };
}

/** The body for PUT /api/admin/settings; the server validates it and says what is wrong. */
export function fromSettingsForm(form: SettingsForm): Settings {
  return {
    ...form.base,
    schedule: {
      timeZone: form.timeZone.trim(),
      slots: form.slots.map(({ day, start, end }) => ({ day, start, end })),
      closures: form.closures.map(({ date, label }) =>
        label.trim() === '' ? { date } : { date, label: label.trim() },
      ),
    },
    maxConversationsPerCounselor: Number(form.maxConversations),
    retentionDays: Number(form.retentionDays),
    intake: { enabled: form.intakeEnabled, questions: fromIntakeRows(form.intakeQuestions) },
    admission: { paused: form.paused, maxQueue: parseMaxQueue(form.maxQueue) ?? null },
    servePastClosingMinutes: Number(form.servePastClosing),
    presence: {
      counselorFlagSeconds: Number(form.counselorFlag),
      handBackSeconds: Number(form.handBack),
      visitorGoneSeconds: Number(form.visitorGone),
    },
    statistics: {
      smallCountThreshold: Number(form.smallCountThreshold),
      counselorHourCost: Number(form.counselorHourCost.replace(',', '.')),
    },
    visitorPage: {
      title: form.pageTitle.trim(),
      brand: form.pageBrand.trim(),
      icon: form.pageIcon,
      quickExitUrl: form.quickExitUrl.trim(),
      embedOrigins: parseOrigins(form.embedOrigins),
    },
    closingForm: fromClosingListRows(form.closingLists),
  };
}

/**
 * The waiting-list cap as typed: empty means no cap (null); anything but a whole number is `undefined`, which
 * the form reports itself rather than let it turn silently into "no cap". The server checks the range.
 */
export function parseMaxQueue(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** One origin per line: blank lines dropped, a trailing slash removed, each origin once. The server checks the rest. */
export function parseOrigins(text: string): string[] {
  const origins = text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\/$/, ''))
    .filter((line) => line !== '');
  return [...new Set(origins)];
}

/** A new slot starts where the last one ends, on the next day: the usual way hours are typed in. */
export function newSlot(slots: readonly SlotRow[]): SlotRow {
  const last = slots.at(-1);
  if (!last) return { key: nextRowKey(), day: 'mon', start: '14:00', end: '18:00' };
  const day = weekdayOrder[(weekdayOrder.indexOf(last.day) + 1) % weekdayOrder.length] ?? 'mon';
  return { key: nextRowKey(), day, start: last.start, end: last.end };
}
