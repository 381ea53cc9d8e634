// Whispers stay with the counselor for the conversation's life (issue 12, item 5), still never written to the
// database (decision 0013): held in the short-lived store (this node's memory, or in cluster mode the Redis that
// keeps nothing on disk, so that her console finds them whichever node it reaches: decision 0029), by
// conversation, handed to her console with its state (so that a reload does not lose an urgent "call 17"), and
// forgotten when the conversation ends — or, at the latest, a day after the last one. A restart of the store
// forgets them, as it forgets every short-lived thing.
import { z } from 'zod';
import type { WhisperView } from '../../protocol/views.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';

const KEPT_AT_MOST_MS = 24 * 60 * 60_000;
/** At most this many per conversation: a supervisor's words, not a chat. */
const PER_CONVERSATION = 100;

const key = (conversationId: string) => `whispers:${conversationId}`;

const keptSchema = z.array(
  z.object({
    conversationId: z.string(),
    clientId: z.string(),
    fromName: z.string(),
    text: z.string(),
    sentAt: z.string(),
  }),
);

export function createKeptWhispers(store: Pick<ShortLivedStore, 'read' | 'put' | 'remove'>) {
  async function read(conversationId: string): Promise<WhisperView[]> {
    const stored = await store.read(key(conversationId));
    const parsed = stored === null ? null : keptSchema.safeParse(JSON.parse(stored));
    return parsed?.success ? parsed.data : [];
  }

  return {
    async keep(whisper: WhisperView): Promise<void> {
      const kept = await read(whisper.conversationId);
      if (kept.some((known) => known.clientId === whisper.clientId)) return;
      const next = [...kept, whisper].slice(-PER_CONVERSATION);
      await store.put(key(whisper.conversationId), JSON.stringify(next), KEPT_AT_MOST_MS);
    },
    /** The whispers of these conversations, oldest first. */
    async of(conversationIds: readonly string[]): Promise<WhisperView[]> {
      return (await Promise.all(conversationIds.map(read))).flat();
    },
    async forget(conversationId: string): Promise<void> {
      await store.remove(key(conversationId));
    },
  };
}

export type KeptWhispers = ReturnType<typeof createKeptWhispers>;
