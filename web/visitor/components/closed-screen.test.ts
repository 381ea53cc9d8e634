import { describe, expect, it } from 'vitest';
import type { VisitorConversationView } from '../../../src/protocol/views.ts';
import { closingKey } from './closed-screen.tsx';

const closed = (closedReason: VisitorConversationView['closedReason']): VisitorConversationView => ({
  status: 'closed',
  closedReason,
  counselorAway: false,
  handedBack: false,
  position: null,
  estimatedWaitMinutes: null,
  waitExceedsClosing: false,
  servingUntil: null,
  urgent: false,
  lastSeq: 3,
  counselorReadSeq: 0,
});

describe('who ended the conversation', () => {
  it('says she did when she ended it, from the queue or from the chat', () => {
    expect(closingKey({ endedByVisitor: 'waiting', conversation: closed('abandoned_in_queue') })).toBe(
      'closed.leftQueue',
    );
    expect(closingKey({ endedByVisitor: 'active', conversation: closed('visitor_left') })).toBe('closed.byYou');
  });

  it('says the counselor did when the server closed it after service', () => {
    expect(closingKey({ endedByVisitor: null, conversation: closed('served') })).toBe('closed.byCounselor');
  });

  it('says nothing when the reason is unknown', () => {
    expect(closingKey({ endedByVisitor: null, conversation: null })).toBeNull();
  });
});
