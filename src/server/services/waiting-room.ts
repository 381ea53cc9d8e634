// A snapshot of the queue: who waits, in what order, and what live capacity says of each one's wait,
// including whether that wait runs past the last moment she can be answered (closing time, plus what the
// admins grant those already waiting), and, once closed, until when they are still served.
import {
  type Capacity,
  estimateWaitMinutes,
  handleMinutes,
  type QueueEntry,
  queuePositions,
  waitRunsPastClosing,
} from '../../core/queue.ts';
import { type ClosingTime, closingTime } from '../../core/schedule.ts';
import type { IntakeAnswers } from '../../protocol/schemas.ts';
import type { QueueView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { Presence } from './presence.ts';
import type { SettingsService } from './settings.ts';

/** How many recent conversations the handle time is taken from (core/queue.ts), and how long it is kept. */
const HANDLE_SAMPLE = 50;
const HANDLE_CACHE_MS = 60_000;

export interface QueueSnapshot {
  entries: QueueEntry[];
  positions: Map<string, number>;
  lastSeqs: Map<string, number>;
  intakes: Map<string, IntakeAnswers>;
  /** Those whose connection is gone: they keep their place, but are skipped when the next person is taken. */
  absent: Set<string>;
  /** Those back in the queue because their counselor was gone too long (decision 0026). */
  handedBack: Set<string>;
  visitorNumbers: Map<string, number | null>;
  capacity: Capacity;
  now: Date;
  /** What closing time means for those waiting now, by the admins' policy. */
  closing: ClosingTime;
}

export interface PlaceInQueue {
  position: number | null;
  estimatedWaitMinutes: number | null;
  waitExceedsClosing: boolean;
  servingUntil: string | null;
}

interface Deps {
  conversations: ConversationRepository;
  presence: Presence;
  settings: SettingsService;
  clock: Clock;
}

export function createWaitingRoom({ conversations, presence, settings, clock }: Deps) {
  let handle: { minutes: number; at: number } | null = null;

  async function averageHandleMinutes(): Promise<number> {
    const now = clock.now().getTime();
    if (!handle || now - handle.at > HANDLE_CACHE_MS) {
      handle = { minutes: handleMinutes(await conversations.recentHandleMinutes(HANDLE_SAMPLE)), at: now };
    }
    return handle.minutes;
  }

  async function capacity(limit: number): Promise<Capacity> {
    const available = presence.availableOnline();
    const active = await conversations.activeCounts();
    const freeSlots = available.reduce((free, id) => free + Math.max(0, limit - (active.get(id) ?? 0)), 0);
    return {
      availableCounselors: available.length,
      totalSlots: available.length * limit,
      freeSlots,
      averageHandleMinutes: await averageHandleMinutes(),
    };
  }

  return {
    async snapshot(): Promise<QueueSnapshot> {
      const { schedule, maxConversationsPerCounselor, servePastClosingMinutes } = await settings.current();
      const now = clock.now();
      const rows = await conversations.waiting();
      const entries = rows.map((row) => ({ conversationId: row.id, waitingSince: row.created_at, urgent: row.urgent }));
      return {
        entries,
        positions: queuePositions(entries),
        lastSeqs: new Map(rows.map((row) => [row.id, row.last_seq])),
        intakes: new Map(rows.map((row) => [row.id, row.intake])),
        absent: new Set(rows.filter((row) => row.absent_since !== null).map((row) => row.id)),
        handedBack: new Set(rows.filter((row) => row.handed_back_at !== null).map((row) => row.id)),
        visitorNumbers: new Map(rows.map((row) => [row.id, row.visitor_number])),
        capacity: await capacity(maxConversationsPerCounselor),
        now,
        closing: closingTime(schedule, now, servePastClosingMinutes),
      };
    },
  };
}

export type WaitingRoom = ReturnType<typeof createWaitingRoom>;

function placeAt(snapshot: QueueSnapshot, position: number | null): PlaceInQueue {
  const estimate = position === null ? null : estimateWaitMinutes(position, snapshot.capacity);
  return {
    position,
    estimatedWaitMinutes: estimate,
    waitExceedsClosing: waitRunsPastClosing(estimate, snapshot.now, snapshot.closing.deadline),
    servingUntil: snapshot.closing.servingUntil?.toISOString() ?? null,
  };
}

export function placeInQueue(snapshot: QueueSnapshot, conversationId: string): PlaceInQueue {
  return placeAt(snapshot, snapshot.positions.get(conversationId) ?? null);
}

/** The place and wait of someone who would join now (not urgent: behind everyone already waiting). */
export function placeForNewcomer(snapshot: QueueSnapshot): PlaceInQueue {
  return placeAt(snapshot, snapshot.entries.length + 1);
}

export function toQueueView(snapshot: QueueSnapshot): QueueView {
  const ordered = [...snapshot.entries].sort(
    (a, b) => (snapshot.positions.get(a.conversationId) ?? 0) - (snapshot.positions.get(b.conversationId) ?? 0),
  );
  const oldest = snapshot.entries.reduce<Date | null>(
    (min, entry) => (min === null || entry.waitingSince < min ? entry.waitingSince : min),
    null,
  );
  return {
    waiting: ordered.length,
    oldestWaitingSince: oldest?.toISOString() ?? null,
    entries: ordered.map((entry) => ({
      conversationId: entry.conversationId,
      visitorNumber: snapshot.visitorNumbers.get(entry.conversationId) ?? null,
      waitingSince: entry.waitingSince.toISOString(),
      urgent: entry.urgent,
      absent: snapshot.absent.has(entry.conversationId),
      intake: snapshot.intakes.get(entry.conversationId) ?? {},
    })),
  };
}
