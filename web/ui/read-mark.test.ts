import { describe, expect, it } from 'vitest';
import { type LoggedMessage, pendingMessage } from './message-log.ts';
import { lastReadId } from './read-mark.ts';

const sent = (seq: number, author: LoggedMessage['author']): LoggedMessage => ({
  clientId: `m${seq}`,
  seq,
  author,
  text: 'x',
  sentAt: '2026-03-02T14:06:00.000Z',
  state: 'sent',
});

describe('read mark', () => {
  const log = [
    sent(1, 'visitor'),
    sent(2, 'counselor'),
    sent(3, 'counselor'),
    sent(4, 'visitor'),
    pendingMessage('p', 'counselor', 'y'),
  ];

  it('goes under the last message of that author the other side has read', () => {
    expect(lastReadId(log, 'counselor', 3)).toBe('m3');
    expect(lastReadId(log, 'counselor', 2)).toBe('m2');
    expect(lastReadId(log, 'visitor', 3)).toBe('m1');
    expect(lastReadId(log, 'counselor', 99)).toBe('m3');
  });

  it('goes nowhere when nothing of hers was read', () => {
    expect(lastReadId(log, 'counselor', 1)).toBeNull();
    expect(lastReadId([], 'visitor', 5)).toBeNull();
  });
});
