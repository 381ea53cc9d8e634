// The repositories whose calls change a conversation's state, seen by the statistics: each row they return
// after a change is counted once it is committed (decision 0027). Wrapping here keeps counting out of the
// services, out of the transactions and off the message path.
import type { AutoAssignRepository } from '../storage/auto-assign-repository.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationToolsRepository } from '../storage/conversation-tools-repository.ts';
import type { ConversationRow } from '../storage/schema.ts';
import type { SupervisionRepository } from '../storage/supervision-repository.ts';
import type { StatisticsRecorder } from './statistics-recorder.ts';

type Recorder = Pick<StatisticsRecorder, 'conversation' | 'transferred' | 'formFiled' | 'add'>;

/** The call, then `see` with what it answered, once it has answered (after its commit). */
function watched<A extends unknown[], R>(call: (...args: A) => Promise<R>, see: (result: R) => void) {
  return async (...args: A): Promise<R> => {
    const result = await call(...args);
    see(result);
    return result;
  };
}

export function observeConversations(repository: ConversationRepository, stats: Recorder): ConversationRepository {
  const seen = (row: ConversationRow | null | undefined) => {
    if (row) stats.conversation(row);
  };
  const seenAll = (rows: readonly ConversationRow[]) => {
    for (const row of rows) stats.conversation(row);
  };
  return {
    ...repository,
    insert: watched(repository.insert, seen),
    assignNext: watched(repository.assignNext, (result) => {
      if (result.outcome === 'assigned') seen(result.conversation);
    }),
    closeByVisitor: watched(repository.closeByVisitor, seen),
    close: watched(repository.close, seen),
    closeIfStillAbsent: watched(repository.closeIfStillAbsent, seen),
    turnAwayWaiting: watched(repository.turnAwayWaiting, seenAll),
    closeGoneVisitors: watched(repository.closeGoneVisitors, seenAll),
    handBackAbandoned: watched(repository.handBackAbandoned, (handedBack) =>
      seenAll(handedBack.map(({ conversation }) => conversation)),
    ),
    endWaiting: watched(repository.endWaiting, (result) => seenAll(result.ended)),
  };
}

export function observeAutoAssign(repository: AutoAssignRepository, stats: Recorder): AutoAssignRepository {
  return {
    ...repository,
    assignOne: watched(repository.assignOne, (assigned) => {
      if (assigned) stats.conversation(assigned);
    }),
  };
}

export function observeConversationTools(
  repository: ConversationToolsRepository,
  stats: Recorder,
): ConversationToolsRepository {
  return {
    ...repository,
    transfer: watched(repository.transfer, (result) => {
      if (result.outcome === 'transferred') stats.transferred();
    }),
    fileClosingForm: async (conversationId, form, comment, mayFile) => {
      const filed = await repository.fileClosingForm(conversationId, form, comment, mayFile);
      if (filed) stats.formFiled(form);
      return filed;
    },
  };
}

/** A supervisor's take-over: counted as such (the conversation goes on, answered once). */
export function observeSupervision(repository: SupervisionRepository, stats: Recorder): SupervisionRepository {
  return {
    ...repository,
    reassign: watched(repository.reassign, (taken) => {
      if (taken) stats.add('taken_over');
    }),
  };
}
