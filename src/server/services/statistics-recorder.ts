// Counts what happens, as hourly aggregates (issue 13, decision 0027): each event adds one to a name in its
// hour, in memory; a job writes the sums every few seconds in one statement. Nothing here is on the message
// path, nothing waits on the database, and nothing kept can name a visitor: a conversation's row is read for
// its state and durations, then only bucket counts and sums of seconds are kept.

import { abandonReasons, histogramName, hourOf, type StatName } from '../../core/statistics.ts';
import type { ClosingFormAnswers } from '../../protocol/conversation-tools-schema.ts';
import type { Clock } from '../clock.ts';
import type { ConversationRow } from '../storage/schema.ts';

export interface StatCount {
  hour: Date;
  name: StatName;
  value: number;
}

const minutesBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 60_000);

export function createStatisticsRecorder({ clock }: { clock: Clock }) {
  /** hour (ms) → name → value, since the last drain. */
  let pending = new Map<number, Map<StatName, number>>();

  function add(name: StatName, value = 1, at: Date = clock.now()): void {
    if (value === 0) return;
    const hour = hourOf(at).getTime();
    let names = pending.get(hour);
    if (!names) {
      names = new Map();
      pending.set(hour, names);
    }
    names.set(name, (names.get(name) ?? 0) + value);
  }

  /** A waiting conversation that closed: she gave up, was turned away at closing, or a raid wave ended it. */
  function closedWhileWaiting(row: ConversationRow, closedAt: Date): void {
    const waited = minutesBetween(row.created_at, closedAt);
    const reason = row.closed_reason;
    if (reason && abandonReasons.has(reason)) {
      add('abandoned');
      add(histogramName('abandon', waited));
      add('abandon_seconds', Math.round(waited * 60));
    } else if (reason === 'turned_away_at_closing') {
      add('turned_away');
      add('turned_away_seconds', Math.round(waited * 60));
    } else {
      add(`closed_waiting.${reason ?? 'unknown'}`);
    }
  }

  return {
    add,

    /** The visitor page was opened, while the chat was open or closed: the demand nobody sees otherwise. */
    visit(open: boolean): void {
      add(open ? 'visit.open' : 'visit.closed');
    },

    /**
     * A new conversation was refused, for this reason (closed, paused, queue_full, blocked, work_…). A failed
     * anti-bot check is no request of its own: her page solves a fresh one and asks again at once.
     */
    refused(reason: string): void {
      if (!reason.startsWith('work_')) add('request');
      add(`refused.${reason}`);
    },

    /**
     * Her answer to "did this help?", counted in the day's first hour (UTC): an hour with one conversation
     * ending must not tie the answer to it.
     */
    surveyAnswer(answer: string): void {
      const now = clock.now().getTime();
      add(`survey.${answer}`, 1, new Date(now - (now % 86_400_000)));
    },

    /** A conversation changed state (the row as the database returned it, after its change). */
    conversation(row: ConversationRow): void {
      if (row.status === 'waiting' && row.handed_back_at === null) {
        add('request');
        add('admitted');
      } else if (row.status === 'waiting') {
        add('handed_back');
      } else if (row.status === 'active' && row.assigned_at) {
        if (row.handed_back_at !== null) {
          add('reassigned');
          return;
        }
        const waited = minutesBetween(row.created_at, row.assigned_at);
        add('served');
        add(histogramName('wait', waited));
        add('wait_seconds', Math.round(waited * 60));
      } else if (row.status === 'closed') {
        const closedAt = row.closed_at ?? clock.now();
        if (row.assigned_at) {
          const length = minutesBetween(row.assigned_at, closedAt);
          add('ended');
          add(`ended.${row.closed_reason ?? 'unknown'}`);
          add(histogramName('length', length));
          add('length_seconds', Math.round(length * 60));
        } else if (row.handed_back_at !== null) {
          add('ended');
          add(`ended.${row.closed_reason ?? 'unknown'}`);
        } else {
          closedWhileWaiting(row, closedAt);
        }
      }
    },

    transferred(): void {
      add('transferred');
    },

    /** A closing form was filed: one count per answer given, by question and category. */
    formFiled(answers: Omit<ClosingFormAnswers, 'comment'>): void {
      add('form.filed');
      for (const id of answers.violenceTypes) add(`form.violenceTypes.${id}`);
      for (const id of answers.actions) add(`form.actions.${id}`);
      for (const id of answers.services) add(`form.services.${id}`);
      const single = {
        authors: answers.author,
        ageBrackets: answers.ageBracket,
        contactTypes: answers.contactType,
        dangerLevels: answers.dangerLevel,
        heardFrom: answers.heardFrom,
        areas: answers.area,
      };
      for (const [question, id] of Object.entries(single)) add(`form.${question}.${id ?? 'unknown'}`);
      const yesNo = {
        returning: answers.returning,
        childrenExposed: answers.childrenExposed,
        emergencyCalled: answers.emergencyCalled,
      };
      for (const [question, value] of Object.entries(yesNo)) {
        add(`form.${question}.${value === null ? 'unknown' : value ? 'yes' : 'no'}`);
      }
    },

    /** One minute of the team: counselors available, conversations they could hold, conversations held. */
    sampleMinute({ staffed, capacity, busy }: { staffed: number; capacity: number; busy: number }): void {
      add('staffed_minutes', staffed);
      add('capacity_minutes', capacity);
      add('busy_minutes', busy);
    },

    /** Everything counted since the last drain, and forgets it (the caller writes it, or puts it back). */
    drain(): StatCount[] {
      const counts = [...pending].flatMap(([hour, names]) =>
        [...names].map(([name, value]) => ({ hour: new Date(hour), name, value })),
      );
      pending = new Map();
      return counts;
    },

    /** Counts a write could not store: kept for the next one. */
    putBack(counts: readonly StatCount[]): void {
      for (const { hour, name, value } of counts) add(name, value, hour);
    },
  };
}

export type StatisticsRecorder = ReturnType<typeof createStatisticsRecorder>;
