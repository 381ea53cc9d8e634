// Where "Lu" goes: under the last message of one author that the other side has read (its sequence number
// at or below the other side's read mark). One mark, not one per message, as in any messenger.
import type { Author } from '../../src/protocol/views.ts';
import type { LoggedMessage } from './message-log.ts';

export function lastReadId(log: readonly LoggedMessage[], author: Author, readSeq: number): string | null {
  let found: string | null = null;
  for (const message of log) {
    if (message.author === author && message.seq !== null && message.seq <= readSeq) found = message.clientId;
  }
  return found;
}
