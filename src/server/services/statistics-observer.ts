// The repositories whose calls change a conversation's state, seen by the statistics: each row they return
// after a change is counted once it is committed (decision 0027). Wrapping here keeps counting out of the
// services, out of the transactions and off the message path.
import type { AutoAssignRepository } from '../storage/auto-assign-repository.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationToolsRepository } from '../storage/conversation-tools-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { StatisticsRecorder } from './statistics-recorder.ts';

type Recorder = Pick<StatisticsRecorder, 'conversation' | 'transferred' | 'formFiled'>;

export function observeConversations(repository: ConversationRepository, stats: Recorder): ConversationRepository {
  const seen = (row: ConversationRow | null | undefined) => {
    if (row) stats.conversation(row);
  };
  const seenAll = (rows: readonly ConversationRow[]) => {
    for (const row of rows) stats.conversation(row);
  };
  return {
    ...repository,
    async insert(row) {
      const conversation = await repository.insert(row);
      seen(conversation);
      return conversation;
    },
    async assignNext(counselorId, limit, now) {
      const result = await repository.assignNext(counselorId, limit, now);
      if (result.outcome === 'assigned') seen(result.conversation);
      return result;
    },
    async closeByVisitor(id, quickExit, now) {
      const closed = await repository.closeByVisitor(id, quickExit, now);
      seen(closed);
      return closed;
    },
    async close(id, reason, now, heldBy) {
      const closed = await repository.close(id, reason, now, heldBy);
      seen(closed);
      return closed;
    },
    async closeIfStillAbsent(id, now) {
      const closed = await repository.closeIfStillAbsent(id, now);
      seen(closed);
      return closed;
    },
    async turnAwayWaiting(now) {
      const closed = await repository.turnAwayWaiting(now);
      seenAll(closed);
      return closed;
    },
    async closeGoneVisitors(before, now) {
      const closed = await repository.closeGoneVisitors(before, now);
      seenAll(closed);
      return closed;
    },
    async handBackAbandoned(before, now) {
      const handedBack = await repository.handBackAbandoned(before, now);
      seenAll(handedBack.map(({ conversation }) => conversation));
      return handedBack;
    },
    async endWaiting(range, now) {
      const result = await repository.endWaiting(range, now);
      seenAll(result.ended);
      return result;
    },
  };
}

export function observeAutoAssign(repository: AutoAssignRepository, stats: Recorder): AutoAssignRepository {
  return {
    ...repository,
    async assignOne(candidateIds, limit, now) {
      const assigned = await repository.assignOne(candidateIds, limit, now);
      if (assigned) stats.conversation(assigned);
      return assigned;
    },
  };
}

export function observeConversationTools(
  repository: ConversationToolsRepository,
  stats: Recorder,
): ConversationToolsRepository {
  return {
    ...repository,
    async transfer(conversationId, fromId, toId, limit) {
      const result = await repository.transfer(conversationId, fromId, toId, limit);
      if (result.outcome === 'transferred') stats.transferred();
      return result;
    },
    async fileClosingForm(conversationId, form, comment, mayFile) {
      const filed = await repository.fileClosingForm(conversationId, form, comment, mayFile);
      if (filed) stats.formFiled(form);
      return filed;
    },
  };
}
