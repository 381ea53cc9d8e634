// The conversation use cases: a visitor starts, resumes, writes and leaves; a counselor takes the next visitor,
// writes and ends. Each staff use case checks first that this counselor may act on this conversation.
import { randomUUID } from 'node:crypto';
import { answersAreUrgent } from '../../core/intake.ts';
import { isClosureDay, localDate, scheduleStatus } from '../../core/schedule.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { IntakeAnswers, Locale, Settings } from '../../protocol/schemas.ts';
import type { Author } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ContentCipher } from '../crypto/content-cipher.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow, MessageRow } from '../storage/schema.ts';
import type { RefusalCounts } from './refusal-counts.ts';
import type { SettingsService } from './settings.ts';
import { hashToken, newToken } from './tokens.ts';
import type { PlainMessage } from './views.ts';

/** Enough for any real conversation; a client asks again from the last sequence it got. */
export const HISTORY_PAGE = 1000;

export interface SentMessage {
  conversation: ConversationRow;
  message: PlainMessage;
  created: boolean;
}

interface Deps {
  conversations: ConversationRepository;
  settings: SettingsService;
  cipher: ContentCipher;
  clock: Clock;
  /** Says which refusals were a closure day rather than closed hours, for the statistics. */
  refusals?: Pick<RefusalCounts, 'tag'>;
}

export function createConversationService({ conversations, settings, cipher, clock, refusals }: Deps) {
  async function decrypted({ ciphertext, ...message }: MessageRow): Promise<PlainMessage> {
    return { ...message, text: await cipher.decrypt(message.conversation_id, message.client_id, ciphertext) };
  }

  async function history(conversationId: string, afterSeq: number): Promise<PlainMessage[]> {
    const rows = await conversations.messagesAfter(conversationId, afterSeq, HISTORY_PAGE);
    return Promise.all(rows.map(decrypted));
  }

  async function append(
    conversationId: string,
    author: Author,
    staffId: string | null,
    clientId: string,
    text: string,
    /** Checked before the transaction that handles what is not routine (the routine statement checks it too). */
    beforeTransaction?: () => Promise<unknown>,
  ) {
    const ciphertext = await cipher.encrypt(conversationId, clientId, text);
    const result = await conversations.appendMessage(
      { conversationId, clientId, author, staffId, ciphertext, sentAt: clock.now() },
      (conversation) => {
        if (conversation.status === 'closed')
          throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
        if (author === 'counselor' && conversation.counselor_id !== staffId) {
          throw new HavreError('NOT_ASSIGNED', 'this conversation is not yours');
        }
      },
      beforeTransaction,
    );
    if (!result) throw new HavreError('NOT_FOUND', 'no such conversation');
    return { ...result, message: await decrypted(result.message) };
  }

  /** Refuses a new conversation, with the reason, when the chat is closed, paused or full. */
  async function admit({ schedule, admission }: Settings): Promise<void> {
    if (!scheduleStatus(schedule, clock.now()).open) {
      const closed = new HavreError('QUEUE_CLOSED', 'the chat is closed now');
      if (isClosureDay(schedule, clock.now())) refusals?.tag(closed, 'closure');
      throw closed;
    }
    if (admission.paused) throw new HavreError('INTAKE_PAUSED', 'no new conversation is opened for now');
    if (admission.maxQueue !== null && (await conversations.waitingCount()) >= admission.maxQueue) {
      throw new HavreError('QUEUE_FULL', 'the queue is full');
    }
  }

  async function assignedTo(counselorId: string, conversationId: string): Promise<ConversationRow> {
    const conversation = await conversations.byId(conversationId);
    if (!conversation || conversation.counselor_id !== counselorId) {
      throw new HavreError('NOT_ASSIGNED', 'this conversation is not yours');
    }
    return conversation;
  }

  return {
    async start(
      locale: Locale,
      answers: IntakeAnswers = {},
    ): Promise<{ token: string; conversation: ConversationRow }> {
      const current = await settings.current();
      await admit(current);
      const urgent = answersAreUrgent(current.intake, answers);
      const token = newToken();
      const id = randomUUID();
      const conversation = await conversations.insert({
        id,
        tokenHash: hashToken(token),
        locale,
        createdAt: clock.now(),
        wrappedKey: cipher.newKey(id),
        urgent,
        intake: answers,
        day: localDate(clock.now(), current.schedule.timeZone),
      });
      return { token, conversation };
    },

    async resume(token: string): Promise<ConversationRow> {
      const conversation = await conversations.byTokenHash(hashToken(token));
      if (!conversation) throw new HavreError('NOT_FOUND', 'no conversation for this token');
      return conversation;
    },

    byId: (conversationId: string) => conversations.byId(conversationId),

    sendAsVisitor: (conversationId: string, clientId: string, text: string): Promise<SentMessage> =>
      append(conversationId, 'visitor', null, clientId, text),

    /** A neutral line from Havre itself (a transfer, a take-over), seen by both sides like any message. */
    sendAsSystem: (conversationId: string, text: string): Promise<SentMessage> =>
      append(conversationId, 'system', null, randomUUID(), text),

    /**
     * The neutral line after a hand-over, unless the visitor left in the very moment since: then there is no one
     * to tell, and null (the hand-over itself stands, and both counselors must still hear of it).
     */
    async noticeIfOpen(conversationId: string, text: string): Promise<SentMessage | null> {
      try {
        return await append(conversationId, 'system', null, randomUUID(), text);
      } catch (error) {
        if (error instanceof HavreError && error.code === 'CONVERSATION_CLOSED') return null;
        throw error;
      }
    },

    async sendAsCounselor(counselorId: string, conversationId: string, clientId: string, text: string) {
      // The routine statement writes only into her own open conversation; anything else is checked first that
      // it is hers, so that a conversation that is not hers tells her nothing more (not even a retry's answer).
      return append(conversationId, 'counselor', counselorId, clientId, text, () =>
        assignedTo(counselorId, conversationId),
      );
    },

    history,

    async historyForCounselor(counselorId: string, conversationId: string, afterSeq: number) {
      await assignedTo(counselorId, conversationId);
      return history(conversationId, afterSeq);
    },

    async endByVisitor(conversationId: string, quickExit = false): Promise<ConversationRow> {
      const closed = await conversations.closeByVisitor(conversationId, quickExit, clock.now());
      if (closed) return closed;
      const current = await conversations.byId(conversationId);
      if (!current) throw new HavreError('NOT_FOUND', 'no such conversation');
      return current;
    },

    async endByCounselor(counselorId: string, conversationId: string): Promise<ConversationRow> {
      const current = await assignedTo(counselorId, conversationId);
      return (await conversations.close(conversationId, 'served', clock.now())) ?? current;
    },

    async takeNext(counselorId: string): Promise<ConversationRow> {
      const { maxConversationsPerCounselor } = await settings.current();
      const result = await conversations.assignNext(counselorId, maxConversationsPerCounselor, clock.now());
      if (result.outcome === 'at_capacity') {
        throw new HavreError('AT_CAPACITY', `you already hold ${maxConversationsPerCounselor} conversations`);
      }
      if (result.outcome === 'empty') throw new HavreError('QUEUE_EMPTY', 'nobody is waiting');
      return result.conversation;
    },

    activeOf: (counselorId: string) => conversations.activeOf(counselorId),

    /** Her ended conversations that still owe a closing form. */
    formDueOf: (counselorId: string) => conversations.formDueOf(counselorId),

    /** Gives up the place of a visitor who is gone; null if she was no longer waiting. */

    requireAssigned: assignedTo,
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
