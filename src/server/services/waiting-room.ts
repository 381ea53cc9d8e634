// A snapshot of the queue: who waits, in what order, and what live capacity says of each one's wait.
import {
  type Capacity,
  DEFAULT_HANDLE_MINUTES,
  estimateWaitMinutes,
  type QueueEntry,
  queuePositions,
} from '../../core/queue.ts';
import type { QueueView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { Presence } from './presence.ts';
import type { SettingsService } from './settings.ts';

/** How many recent conversations the mean handle time is taken over, and how long that figure is kept. */
const HANDLE_SAMPLE = 50;
const HANDLE_CACHE_MS = 60_000;

export interface QueueSnapshot {
  entries: QueueEntry[];
  positions: Map<string, number>;
  lastSeqs: Map<string, number>;
  capacity: Capacity;
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
      const measured = await conversations.recentHandleMinutes(HANDLE_SAMPLE);
      handle = { minutes: measured ?? DEFAULT_HANDLE_MINUTES, at: now };
    }
    return handle.minutes;
  }

  async function capacity(): Promise<Capacity> {
    const { maxConversationsPerCounselor: limit } = await settings.current();
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
      const rows = await conversations.waiting();
      const entries = rows.map((row) => ({
        conversationId: row.id,
        waitingSince: row.created_at,
        urgent: row.urgent,
      }));
      const lastSeqs = new Map(rows.map((row) => [row.id, row.last_seq]));
      return { entries, positions: queuePositions(entries), lastSeqs, capacity: await capacity() };
    },
  };
}

export type WaitingRoom = ReturnType<typeof createWaitingRoom>;

export function placeInQueue(snapshot: QueueSnapshot, conversationId: string) {
  const position = snapshot.positions.get(conversationId) ?? null;
  return {
    position,
    estimatedWaitMinutes: position === null ? null : estimateWaitMinutes(position, snapshot.capacity),
  };
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
      waitingSince: entry.waitingSince.toISOString(),
    })),
  };
}
