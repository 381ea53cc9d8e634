import { describe, expect, it } from 'vitest';
import type { MessageView, WatchedConversationView } from '../../src/protocol/views.ts';
import { initialSupervisionState, supervisionReducer } from './supervision-state.ts';

const message = (seq: number): MessageView => ({
  seq,
  clientId: `c${seq}`,
  author: 'visitor',
  text: `m${seq}`,
  sentAt: '2026-12-02T13:30:00Z',
});

const watched = (id: string, messages: MessageView[]): WatchedConversationView => ({
  conversation: {
    id,
    status: 'active',
    visitorAwaySince: null,
    visitorNumber: 1,
    counselorReadSeq: 0,
    closedReason: null,
    createdAt: '2026-12-02T13:00:00Z',
    assignedAt: '2026-12-02T13:05:00Z',
    closedAt: null,
    lastSeq: messages.length,
    urgent: false,
    intake: {},
    formDue: false,
    visitorReadSeq: 0,
  },
  counselorName: 'Chloé',
  messages,
});

describe('supervisionReducer', () => {
  it('shows each message of the watched conversation once, in order, whether from history or live', () => {
    let state = supervisionReducer(initialSupervisionState, { type: 'watched', watched: watched('a', [message(1)]) });
    state = supervisionReducer(state, { type: 'message', conversationId: 'a', message: message(3) });
    state = supervisionReducer(state, { type: 'message', conversationId: 'a', message: message(2) });
    state = supervisionReducer(state, { type: 'watched', watched: watched('a', [message(1), message(2)]) });
    expect(state.watched?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('ignores messages, updates and whispers of another conversation', () => {
    const start = supervisionReducer(initialSupervisionState, { type: 'watched', watched: watched('a', []) });
    const other = watched('b', []).conversation;
    let state = supervisionReducer(start, { type: 'message', conversationId: 'b', message: message(1) });
    state = supervisionReducer(state, { type: 'conversation', conversation: { ...other, status: 'closed' } });
    state = supervisionReducer(state, {
      type: 'whispered',
      whisper: { conversationId: 'b', clientId: 'w', fromName: 'Ana', text: 'x', sentAt: '2026-12-02T13:30:00Z' },
    });
    expect(state).toEqual(start);
  });

  it('keeps her whispers while she stays on a conversation and drops them when she reads another', () => {
    let state = supervisionReducer(initialSupervisionState, { type: 'watched', watched: watched('a', []) });
    state = supervisionReducer(state, {
      type: 'whispered',
      whisper: { conversationId: 'a', clientId: 'w', fromName: 'Ana', text: 'x', sentAt: '2026-12-02T13:30:00Z' },
    });
    expect(supervisionReducer(state, { type: 'watched', watched: watched('a', []) }).watched?.whispers).toHaveLength(1);
    expect(supervisionReducer(state, { type: 'watched', watched: watched('b', []) }).watched?.whispers).toEqual([]);
    expect(supervisionReducer(state, { type: 'unwatched' }).watched).toBeNull();
  });
});
