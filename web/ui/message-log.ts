// The list of messages a chat screen shows: confirmed messages in server order, then the sender's own
// messages still waiting for their acknowledgement. Merging by client id means a message that comes back
// after a reconnect or a retry is shown exactly once.
import type { Author, MessageView } from '../../src/protocol/views.ts';

export type DeliveryState = 'pending' | 'sent';

export interface LoggedMessage {
  clientId: string;
  seq: number | null;
  author: Author;
  text: string;
  sentAt: string | null;
  state: DeliveryState;
  /** Staff side: which counselor wrote it, and her name (MessageView). */
  staffId?: string | null;
  staffName?: string | null;
}

export function pendingMessage(clientId: string, author: Author, text: string): LoggedMessage {
  return { clientId, seq: null, author, text, sentAt: null, state: 'pending' };
}

export function confirmedMessage(view: MessageView): LoggedMessage {
  return { ...view, state: 'sent' };
}

/** Adds server messages to the log; a confirmed copy replaces the pending one with the same client id. */
export function mergeMessages(log: readonly LoggedMessage[], incoming: readonly MessageView[]): LoggedMessage[] {
  const byClientId = new Map(log.map((message) => [message.clientId, message]));
  for (const view of incoming) byClientId.set(view.clientId, confirmedMessage(view));
  const confirmed = [...byClientId.values()].filter((m) => m.seq !== null).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const pending = log.filter((m) => m.seq === null && byClientId.get(m.clientId)?.seq === null);
  return [...confirmed, ...pending];
}

export function addPending(log: readonly LoggedMessage[], message: LoggedMessage): LoggedMessage[] {
  return [...log, message];
}

/** Highest sequence number the screen holds: what to ask the server for after a reconnect. */
export function lastSeq(log: readonly LoggedMessage[]): number {
  return log.reduce((max, message) => Math.max(max, message.seq ?? 0), 0);
}

/**
 * The last sequence before the first hole: what to ask history from when an event was lost on the way (a log
 * holding 1, 2 and 5 asks for everything after 2).
 */
export function contiguousSeq(log: readonly LoggedMessage[]): number {
  const seqs = new Set(log.map((message) => message.seq));
  let seq = 0;
  while (seqs.has(seq + 1)) seq += 1;
  return seq;
}

export function pendingMessages(log: readonly LoggedMessage[]): LoggedMessage[] {
  return log.filter((message) => message.state === 'pending');
}
