// Whispers stay with the counselor for the conversation's life (issue 12, item 5), still never written to the
// database (decision 0013): held in this process's memory, by conversation, handed to her console with its
// state (so that a reload does not lose an urgent "call 17"), and forgotten when the conversation ends — or,
// at the latest, a day after the last one. A restart forgets them, as it forgets every short-lived thing.
import type { WhisperView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';

const KEPT_AT_MOST_MS = 24 * 60 * 60_000;
/** At most this many per conversation: a supervisor's words, not a chat. */
const PER_CONVERSATION = 100;

export function createKeptWhispers(clock: Clock) {
  const byConversation = new Map<string, { whispers: WhisperView[]; lastAt: number }>();

  const prune = (now: number) => {
    for (const [id, kept] of byConversation) if (now - kept.lastAt > KEPT_AT_MOST_MS) byConversation.delete(id);
  };

  return {
    keep(whisper: WhisperView): void {
      const now = clock.now().getTime();
      prune(now);
      const kept = byConversation.get(whisper.conversationId) ?? { whispers: [], lastAt: now };
      if (kept.whispers.some((known) => known.clientId === whisper.clientId)) return;
      kept.whispers = [...kept.whispers, whisper].slice(-PER_CONVERSATION);
      kept.lastAt = now;
      byConversation.set(whisper.conversationId, kept);
    },
    /** The whispers of these conversations, oldest first. */
    of(conversationIds: readonly string[]): WhisperView[] {
      return conversationIds.flatMap((id) => byConversation.get(id)?.whispers ?? []);
    },
    forget(conversationId: string): void {
      byConversation.delete(conversationId);
    },
  };
}

export type KeptWhispers = ReturnType<typeof createKeptWhispers>;
