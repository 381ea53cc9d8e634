import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/protocol/views.ts';
import { addPending, contiguousSeq, lastSeq, mergeMessages, pendingMessage, pendingMessages } from './message-log.ts';

const aMessage = (seq: number, clientId = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`): MessageView => ({
  seq,
  clientId,
  author: 'counselor',
  text: `message ${seq}`,
  sentAt: new Date(2026, 0, 1, 12, seq).toISOString(),
});

describe('message log', () => {
  it('orders confirmed messages by sequence and keeps pending ones last', () => {
    const pending = pendingMessage('p-1', 'visitor', 'hello');
    const log = mergeMessages(addPending([], pending), [aMessage(2), aMessage(1)]);
    expect(log.map((m) => m.seq)).toEqual([1, 2, null]);
    expect(pendingMessages(log)).toEqual([pending]);
  });

  it('replaces a pending message by its confirmed copy, once', () => {
    const log = addPending([], pendingMessage('c-1', 'visitor', 'hello'));
    const confirmed = { ...aMessage(1, 'c-1'), author: 'visitor' as const, text: 'hello' };
    const merged = mergeMessages(mergeMessages(log, [confirmed]), [confirmed]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ clientId: 'c-1', seq: 1, state: 'sent' });
  });

  it('shows a message replayed after a reconnect exactly once', () => {
    const first = mergeMessages([], [aMessage(1), aMessage(2)]);
    const again = mergeMessages(first, [aMessage(2), aMessage(3)]);
    expect(again.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(lastSeq(again)).toBe(3);
  });

  it('reports 0 as the last sequence of an empty log', () => {
    expect(lastSeq([])).toBe(0);
  });

  it('asks history from before the first hole, not from the newest message', () => {
    expect(contiguousSeq(mergeMessages([], [aMessage(1), aMessage(2), aMessage(5)]))).toBe(2);
    expect(contiguousSeq(mergeMessages([], [aMessage(2)]))).toBe(0);
    expect(contiguousSeq([])).toBe(0);
  });
});
