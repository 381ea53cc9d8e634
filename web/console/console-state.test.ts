import { describe, expect, it } from 'vitest';
import type { MessageView, StaffConversationView, StaffStateView } from '../../src/protocol/views.ts';
import { defaultClosingForm } from '../../src/server/services/default-settings.ts';
import { pendingMessage } from '../ui/message-log.ts';
import {
  type ConsoleAction,
  type ConsoleState,
  consoleReducer,
  countNewVisitorMessages,
  initialConsoleState,
  isAtCapacity,
  messagesToSend,
  needsHistory,
  readUpTo,
} from './console-state.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const aConversation = (n: number, change: Partial<StaffConversationView> = {}): StaffConversationView => ({
  id: id(n),
  status: 'active',
  visitorAwaySince: null,
  visitorNumber: n,
  counselorReadSeq: 0,
  closedReason: null,
  createdAt: '2026-03-02T14:00:00.000Z',
  assignedAt: '2026-03-02T14:05:00.000Z',
  closedAt: null,
  lastSeq: 0,
  urgent: false,
  intake: {},
  formDue: false,
  visitorReadSeq: 0,
  ...change,
});

const aMessage = (seq: number, author: MessageView['author'] = 'visitor'): MessageView => ({
  seq,
  clientId: id(1000 + seq),
  author,
  text: `message ${seq}`,
  sentAt: '2026-03-02T14:06:00.000Z',
});

const aStaffState = (conversations: StaffConversationView[], maxConversations = 2): StaffStateView => ({
  me: { id: id(99), displayName: 'Inès', role: 'counselor', status: 'available', maxConversations },
  queue: { waiting: 0, oldestWaitingSince: null, entries: [] },
  conversations,
  closingForm: defaultClosingForm,
  whispers: [],
  serverTime: '2026-03-02T14:06:00.000Z',
});

const run = (...actions: ConsoleAction[]): ConsoleState => actions.reduce(consoleReducer, initialConsoleState);
const tabOf = (state: ConsoleState, n: number) => state.tabs.find((tab) => tab.view.id === id(n));

describe('console state', () => {
  it('counts visitor messages arriving in a tab that is not selected, and clears them on selection', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1), aConversation(2)]) });
    expect(state.selectedId).toBe(id(1));
    state = consoleReducer(state, {
      type: 'messages',
      conversationId: id(2),
      messages: [aMessage(1), aMessage(2)],
    });
    state = consoleReducer(state, { type: 'messages', conversationId: id(1), messages: [aMessage(1)] });
    expect(tabOf(state, 2)?.unread).toBe(2);
    expect(tabOf(state, 1)?.unread).toBe(0);
    state = consoleReducer(state, { type: 'select', conversationId: id(2) });
    expect(tabOf(state, 2)?.unread).toBe(0);
  });

  it('never brings back as unread after a reload what she had already had on screen', () => {
    // After a reload: the server says she has read up to message 3 of conversation 2, which is not selected.
    let state = run({
      type: 'state',
      state: aStaffState([aConversation(1), aConversation(2, { counselorReadSeq: 3, lastSeq: 3 })]),
    });
    state = consoleReducer(state, {
      type: 'messages',
      conversationId: id(2),
      messages: [aMessage(1), aMessage(2), aMessage(3)],
    });
    expect(tabOf(state, 2)?.unread).toBe(0);
    // What comes after is unread, as ever.
    state = consoleReducer(state, { type: 'messages', conversationId: id(2), messages: [aMessage(4)] });
    expect(tabOf(state, 2)?.unread).toBe(1);
  });

  it('does not count a message twice when history replays it, nor her own messages', () => {
    const log = [{ ...pendingMessage(id(1001), 'visitor', 'x'), seq: 1, state: 'sent' as const }];
    expect(countNewVisitorMessages(log, [aMessage(1), aMessage(2), aMessage(2), aMessage(3, 'counselor')])).toBe(1);
  });

  it('numbers visitors in the order she meets them and keeps numbers across reconnects', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1)]) });
    state = consoleReducer(state, { type: 'taken', conversation: aConversation(2), messages: [aMessage(1)] });
    state = consoleReducer(state, {
      type: 'state',
      state: aStaffState([aConversation(2), aConversation(1)]),
    });
    expect(state.tabs.map((tab) => [tab.view.id, tab.number])).toEqual([
      [id(1), 1],
      [id(2), 2],
    ]);
    expect(state.selectedId).toBe(id(2));
    expect(tabOf(state, 2)?.log).toHaveLength(1);
  });

  it('shows as ended a conversation the server no longer lists after a reconnect', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1)]) });
    state = consoleReducer(state, { type: 'state', state: aStaffState([]) });
    expect(tabOf(state, 1)?.view.status).toBe('closed');
    expect(isAtCapacity(state)).toBe(false);
  });

  it('clears the unread count of a conversation that is no longer hers (taken over), so no alert repeats for it', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1), aConversation(2)]) });
    state = consoleReducer(state, { type: 'messages', conversationId: id(2), messages: [aMessage(1)] });
    expect(tabOf(state, 2)?.unread).toBe(1);
    state = consoleReducer(state, { type: 'state', state: aStaffState([aConversation(1)]) });
    expect(tabOf(state, 2)).toMatchObject({ unread: 0, view: { status: 'closed', formDue: false } });
  });

  it('opens a tab for an ended conversation she did not know of only when she owes its form', () => {
    let state = run({ type: 'state', state: aStaffState([]) });
    const ended = aConversation(3, { status: 'closed', closedReason: 'visitor_left' });
    state = consoleReducer(state, { type: 'conversation', conversation: ended });
    expect(tabOf(state, 3)).toBeUndefined();
    state = consoleReducer(state, { type: 'conversation', conversation: { ...ended, formDue: true } });
    expect(tabOf(state, 3)?.view.formDue).toBe(true);
  });

  it('is at capacity when active conversations reach her limit', () => {
    const state = run({ type: 'state', state: aStaffState([aConversation(1), aConversation(2)], 2) });
    expect(isAtCapacity(state)).toBe(true);
    const after = consoleReducer(state, {
      type: 'conversation',
      conversation: aConversation(2, { status: 'closed', closedReason: 'visitor_left' }),
    });
    expect(isAtCapacity(after)).toBe(false);
  });

  it('retries pending messages but not those the server refused', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1)]) });
    state = consoleReducer(state, {
      type: 'pending',
      conversationId: id(1),
      message: pendingMessage('a', 'counselor', 'hi'),
    });
    state = consoleReducer(state, {
      type: 'pending',
      conversationId: id(1),
      message: pendingMessage('b', 'counselor', 'hey'),
    });
    state = consoleReducer(state, {
      type: 'send-failed',
      conversationId: id(1),
      clientId: 'a',
      code: 'CONVERSATION_CLOSED',
    });
    const tab = tabOf(state, 1);
    expect(tab && messagesToSend(tab).map((message) => message.clientId)).toEqual(['b']);
    expect(tab?.sendError).toBe('CONVERSATION_CLOSED');
  });

  it('asks for history of open conversations and of closed ones with messages it has not seen', () => {
    const state = run({
      type: 'state',
      state: aStaffState([aConversation(1), aConversation(2, { status: 'closed', lastSeq: 3 })]),
    });
    expect(state.tabs.map(needsHistory)).toEqual([true, true]);
    const caughtUp = consoleReducer(state, {
      type: 'messages',
      conversationId: id(2),
      messages: [aMessage(1), aMessage(2), aMessage(3)],
    });
    expect(caughtUp.tabs.map(needsHistory)).toEqual([true, false]);
  });

  it('moves the selection to a neighbour when a tab is closed', () => {
    let state = run({
      type: 'state',
      state: aStaffState([aConversation(1), aConversation(2), aConversation(3)]),
    });
    state = consoleReducer(state, { type: 'select', conversationId: id(2) });
    state = consoleReducer(state, { type: 'dismiss', conversationId: id(2) });
    expect(state.selectedId).toBe(id(3));
    state = consoleReducer(state, { type: 'dismiss', conversationId: id(3) });
    expect(state.selectedId).toBe(id(1));
  });

  it('clears the typing hint when the visitor message arrives or the conversation ends', () => {
    let state = run(
      { type: 'state', state: aStaffState([aConversation(1)]) },
      { type: 'typing', conversationId: id(1), typing: true },
    );
    expect(tabOf(state, 1)?.visitorTyping).toBe(true);
    state = consoleReducer(state, { type: 'messages', conversationId: id(1), messages: [aMessage(1)] });
    expect(tabOf(state, 1)?.visitorTyping).toBe(false);
  });

  it('counts messages in the selected tab while she is not looking, and clears them when she comes back', () => {
    let state = run(
      { type: 'state', state: aStaffState([aConversation(1)]) },
      { type: 'viewing', viewing: false },
      { type: 'messages', conversationId: id(1), messages: [aMessage(1)] },
    );
    expect(tabOf(state, 1)?.unread).toBe(1);
    state = consoleReducer(state, { type: 'viewing', viewing: true });
    expect(tabOf(state, 1)?.unread).toBe(0);
  });

  it('counts the staff states received, so that the desk can re-read what settings may have changed', () => {
    const state = run(
      { type: 'state', state: aStaffState([]) },
      { type: 'presence', status: 'paused' },
      { type: 'state', state: aStaffState([]) },
    );
    expect(state.staffStates).toBe(2);
  });
});

describe('console state: the closing form', () => {
  const ended = (n: number, formDue = true) =>
    aConversation(n, { status: 'closed', closedReason: 'visitor_left', closedAt: '2026-03-02T14:30:00.000Z', formDue });

  it('keeps an ended tab that owes its form: it cannot be dismissed', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1)]) });
    state = consoleReducer(state, { type: 'conversation', conversation: ended(1) });
    state = consoleReducer(state, { type: 'dismiss', conversationId: id(1) });
    expect(tabOf(state, 1)?.view).toMatchObject({ status: 'closed', formDue: true });
    expect(state.closingForm?.actions.map((item) => item.id)).toEqual(['listening', 'information', 'orientation']);
  });

  it('puts the tab away once the form is received, here or from another browser tab', () => {
    let state = run({ type: 'state', state: aStaffState([ended(1), aConversation(2)]) });
    expect(state.tabs).toHaveLength(2);
    state = consoleReducer(state, { type: 'conversation', conversation: ended(1, false) });
    expect(tabOf(state, 1)).toBeUndefined();
    expect(state.selectedId).toBe(id(2));
  });

  it('after a reconnect, a tab the server no longer lists owes nothing (its form was sent elsewhere)', () => {
    let state = run({ type: 'state', state: aStaffState([ended(1)]) });
    state = consoleReducer(state, { type: 'state', state: aStaffState([]) });
    expect(tabOf(state, 1)?.view.formDue).toBe(false);
    state = consoleReducer(state, { type: 'dismiss', conversationId: id(1) });
    expect(state.tabs).toEqual([]);
  });

  it('an ended conversation still owed comes back as a tab after a reload', () => {
    const state = run({ type: 'state', state: aStaffState([aConversation(2), ended(1)]) });
    expect(state.tabs.map((tab) => [tab.view.id, tab.view.formDue])).toEqual([
      [id(2), false],
      [id(1), true],
    ]);
  });
});

describe('console state: transfers', () => {
  it('closes the sender’s tab and says to whom, once even if told twice', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1), aConversation(2)]) });
    state = consoleReducer(state, { type: 'transferred-out', conversationId: id(1), to: 'Inès' });
    state = consoleReducer(state, { type: 'transferred-out', conversationId: id(1), to: 'Inès' });
    expect(state.tabs.map((tab) => tab.view.id)).toEqual([id(2)]);
    expect(state.selectedId).toBe(id(2));
    expect(state.transferNotice).toEqual({ direction: 'out', colleague: 'Inès', number: 1 });
    expect(consoleReducer(state, { type: 'transfer-notice-seen' }).transferNotice).toBeNull();
  });

  it('opens the receiver’s tab with its history, without taking her from her current conversation', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1)]) });
    state = consoleReducer(state, {
      type: 'transferred-in',
      conversation: aConversation(2, { lastSeq: 3 }),
      messages: [aMessage(1), aMessage(2, 'counselor'), aMessage(3, 'system')],
      from: 'Camille',
    });
    expect(state.selectedId).toBe(id(1));
    expect(tabOf(state, 2)?.log.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(tabOf(state, 2)?.unread).toBe(1);
    expect(state.transferNotice).toEqual({ direction: 'in', colleague: 'Camille', number: 2 });
  });
});

describe('console state: read marks', () => {
  it('moves the visitor’s read mark forward only', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1)]) });
    state = consoleReducer(state, { type: 'visitor-read', conversationId: id(1), seq: 3 });
    state = consoleReducer(state, { type: 'visitor-read', conversationId: id(1), seq: 2 });
    expect(tabOf(state, 1)?.view.visitorReadSeq).toBe(3);
  });

  it('tells what she has on screen: the selected active conversation, only while she is looking', () => {
    let state = run({ type: 'state', state: aStaffState([aConversation(1), aConversation(2)]) });
    expect(readUpTo(state)).toBeNull();
    state = consoleReducer(state, { type: 'messages', conversationId: id(1), messages: [aMessage(1), aMessage(2)] });
    expect(readUpTo(state)).toEqual({ conversationId: id(1), seq: 2 });
    expect(readUpTo(consoleReducer(state, { type: 'viewing', viewing: false }))).toBeNull();
    expect(readUpTo(consoleReducer(state, { type: 'select', conversationId: id(2) }))).toBeNull();
  });
});
