// The console's live state as a pure reducer over what the server says and what the counselor does, so the
// rules that matter (unread counts, tab numbering, what to resume after a reconnect) are tested without a socket.
import type { ClosingFormLists } from '../../src/protocol/conversation-tools-schema.ts';
import type {
  MessageView,
  PresenceStatus,
  QueueView,
  StaffConversationView,
  StaffStateView,
} from '../../src/protocol/views.ts';
import { type LoggedMessage, lastSeq, mergeMessages, pendingMessages } from '../ui/message-log.ts';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ConversationTab {
  view: StaffConversationView;
  /**
   * "Visiteuse 7": the number the server gave the conversation, the same in every console, on the board, after
   * a transfer or a reload. Only a conversation from before numbering is numbered by this session instead.
   */
  number: number;
  log: LoggedMessage[];
  unread: number;
  visitorTyping: boolean;
  /** Client ids the server refused for good (conversation closed, not assigned): never retried. */
  failed: string[];
  sendError: string | null;
}

export interface ConsoleState {
  me: StaffStateView['me'] | null;
  queue: QueueView;
  tabs: ConversationTab[];
  selectedId: string | null;
  /** The conversation area is on screen (not the admin section, not a background browser tab). */
  viewing: boolean;
  /** For conversations from before the server numbered them. */
  nextNumber: number;
  connection: ConnectionState;
  /** How many staff:state have arrived: one comes on every connection and after each settings change. */
  staffStates: number;
  /** The closing form's lists, from the settings (null until the first staff state). */
  closingForm: ClosingFormLists | null;
  /** The last transfer she gave or received, said once on screen until she puts it away. */
  transferNotice: TransferNotice | null;
}

export interface TransferNotice {
  direction: 'in' | 'out';
  /** The colleague's display name. */
  colleague: string;
  /** The tab's number ("Visiteuse 3"). */
  number: number;
}

export type ConsoleAction =
  | { type: 'connection'; connection: ConnectionState }
  | { type: 'state'; state: StaffStateView }
  | { type: 'queue'; queue: QueueView }
  | { type: 'presence'; status: PresenceStatus }
  | { type: 'conversation'; conversation: StaffConversationView }
  | { type: 'taken'; conversation: StaffConversationView; messages: MessageView[] }
  | { type: 'messages'; conversationId: string; messages: MessageView[] }
  | { type: 'pending'; conversationId: string; message: LoggedMessage }
  | { type: 'send-failed'; conversationId: string; clientId: string; code: string }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'select'; conversationId: string }
  | { type: 'viewing'; viewing: boolean }
  | { type: 'dismiss'; conversationId: string }
  | { type: 'transferred-in'; conversation: StaffConversationView; messages: MessageView[]; from: string }
  | { type: 'transferred-out'; conversationId: string; to: string }
  | { type: 'transfer-notice-seen' }
  | { type: 'visitor-read'; conversationId: string; seq: number }
  /** A supervisor whispered about this conversation: it asks for her attention like a message. */
  | { type: 'whisper'; conversationId: string };

export const initialConsoleState: ConsoleState = {
  me: null,
  queue: { waiting: 0, oldestWaitingSince: null, entries: [] },
  tabs: [],
  selectedId: null,
  viewing: true,
  nextNumber: 1,
  connection: 'connecting',
  staffStates: 0,
  closingForm: null,
  transferNotice: null,
};

function newTab(view: StaffConversationView, number: number): ConversationTab {
  return { view, number, log: [], unread: 0, visitorTyping: false, failed: [], sendError: null };
}

function updateTab(
  state: ConsoleState,
  conversationId: string,
  change: (tab: ConversationTab) => ConversationTab,
): ConsoleState {
  if (!state.tabs.some((tab) => tab.view.id === conversationId)) return state;
  return { ...state, tabs: state.tabs.map((tab) => (tab.view.id === conversationId ? change(tab) : tab)) };
}

/** Adds a conversation as a new tab, or refreshes the one that shows it. */
function upsertConversation(state: ConsoleState, view: StaffConversationView): ConsoleState {
  if (state.tabs.some((tab) => tab.view.id === view.id)) {
    return updateTab(state, view.id, (tab) => withView(tab, view));
  }
  if (view.visitorNumber !== null) return { ...state, tabs: [...state.tabs, newTab(view, view.visitorNumber)] };
  return {
    ...state,
    tabs: [...state.tabs, newTab(view, state.nextNumber)],
    nextNumber: state.nextNumber + 1,
  };
}

function withView(tab: ConversationTab, view: StaffConversationView): ConversationTab {
  return { ...tab, view, visitorTyping: view.status === 'closed' ? false : tab.visitorTyping };
}

/**
 * Visitor messages in `incoming` that the log does not hold yet and that come after what the counselor has
 * already had on screen (`readSeq`, from the server): what makes an unread badge grow. A reload brings the
 * whole history back, but none of what she had read.
 */
export function countNewVisitorMessages(
  log: readonly LoggedMessage[],
  incoming: readonly MessageView[],
  readSeq = 0,
): number {
  const known = new Set(log.filter((message) => message.seq !== null).map((message) => message.clientId));
  const fresh = new Set(
    incoming
      .filter((view) => view.author === 'visitor' && view.seq > readSeq && !known.has(view.clientId))
      .map((view) => view.clientId),
  );
  return fresh.size;
}

function addMessages(state: ConsoleState, conversationId: string, messages: MessageView[]): ConsoleState {
  return updateTab(state, conversationId, (tab) => {
    const fresh = countNewVisitorMessages(tab.log, messages, tab.view.counselorReadSeq);
    const seen = state.viewing && state.selectedId === conversationId;
    const unread = seen ? 0 : tab.unread + fresh;
    return {
      ...tab,
      log: mergeMessages(tab.log, messages),
      unread,
      visitorTyping: fresh > 0 ? false : tab.visitorTyping,
    };
  });
}

/**
 * A fresh StaffStateView (sent on every connection) is the truth about her conversations. Known tabs keep
 * their log and number; a conversation she held that the server no longer lists is no longer hers to answer,
 * so its tab stays readable but shows as ended.
 */
function applyStaffState(state: ConsoleState, staffState: StaffStateView): ConsoleState {
  const listed = new Set(staffState.conversations.map((view) => view.id));
  let next: ConsoleState = {
    ...state,
    me: staffState.me,
    queue: staffState.queue,
    staffStates: state.staffStates + 1,
    closingForm: staffState.closingForm,
    tabs: state.tabs.map((tab) =>
      listed.has(tab.view.id) || (tab.view.status === 'closed' && !tab.view.formDue)
        ? tab
        : // No longer hers (taken over, or ended while she was away): nothing in it is waiting for her.
          { ...withView(tab, { ...tab.view, status: 'closed', formDue: false }), unread: 0 },
    ),
  };
  for (const view of staffState.conversations) next = upsertConversation(next, view);
  return ensureSelection(next);
}

function ensureSelection(state: ConsoleState): ConsoleState {
  if (state.selectedId !== null && state.tabs.some((tab) => tab.view.id === state.selectedId)) return state;
  return { ...state, selectedId: state.tabs[0]?.view.id ?? null };
}

function select(state: ConsoleState, conversationId: string): ConsoleState {
  const selected = { ...state, selectedId: conversationId };
  return selected.viewing ? updateTab(selected, conversationId, (tab) => ({ ...tab, unread: 0 })) : selected;
}

function dismiss(state: ConsoleState, conversationId: string): ConsoleState {
  const index = state.tabs.findIndex((tab) => tab.view.id === conversationId);
  // A tab that still owes its closing form cannot be put away.
  if (index < 0 || state.tabs[index]?.view.formDue) return state;
  const tabs = state.tabs.filter((tab) => tab.view.id !== conversationId);
  if (state.selectedId !== conversationId) return { ...state, tabs };
  const neighbour = tabs[Math.min(index, tabs.length - 1)];
  return neighbour ? select({ ...state, tabs }, neighbour.view.id) : { ...state, tabs, selectedId: null };
}

/** Her closing form for this tab has just been received (here or in another of her browser tabs): it goes away. */
function formFiled(state: ConsoleState, view: StaffConversationView): boolean {
  const tab = state.tabs.find((candidate) => candidate.view.id === view.id);
  return tab?.view.formDue === true && view.status === 'closed' && !view.formDue;
}

/** A colleague handed her a conversation: a new tab with its history, without taking her away from her current one. */
function transferredIn(
  state: ConsoleState,
  view: StaffConversationView,
  messages: MessageView[],
  from: string,
): ConsoleState {
  const next = ensureSelection(addMessages(upsertConversation(state, view), view.id, messages));
  const number = next.tabs.find((tab) => tab.view.id === view.id)?.number ?? 0;
  return { ...next, transferNotice: { direction: 'in', colleague: from, number } };
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'connection':
      return { ...state, connection: action.connection };
    case 'state':
      return applyStaffState(state, action.state);
    case 'queue':
      return { ...state, queue: action.queue };
    case 'presence':
      return state.me ? { ...state, me: { ...state.me, status: action.status } } : state;
    case 'conversation':
      // An unknown conversation that is already over is nothing to show, unless she owes its form (handed to her
      // in the very moment the visitor left).
      if (
        action.conversation.status === 'closed' &&
        !action.conversation.formDue &&
        !state.tabs.some((tab) => tab.view.id === action.conversation.id)
      ) {
        return state;
      }
      return formFiled(state, action.conversation)
        ? dismiss(upsertConversation(state, action.conversation), action.conversation.id)
        : ensureSelection(upsertConversation(state, action.conversation));
    case 'taken': {
      const withTab = upsertConversation(state, action.conversation);
      return select(addMessages(withTab, action.conversation.id, action.messages), action.conversation.id);
    }
    case 'messages':
      return addMessages(state, action.conversationId, action.messages);
    case 'pending':
      return updateTab(state, action.conversationId, (tab) => ({
        ...tab,
        log: [...tab.log, action.message],
        sendError: null,
      }));
    case 'send-failed':
      return updateTab(state, action.conversationId, (tab) => ({
        ...tab,
        failed: [...tab.failed, action.clientId],
        sendError: action.code,
      }));
    case 'typing':
      return updateTab(state, action.conversationId, (tab) => ({
        ...tab,
        visitorTyping: action.typing && tab.view.status !== 'closed',
      }));
    case 'select':
      return select(state, action.conversationId);
    case 'viewing': {
      const next = { ...state, viewing: action.viewing };
      return action.viewing && next.selectedId ? select(next, next.selectedId) : next;
    }
    case 'dismiss':
      return dismiss(state, action.conversationId);
    case 'transferred-in':
      return transferredIn(state, action.conversation, action.messages, action.from);
    case 'transferred-out': {
      const tab = state.tabs.find((candidate) => candidate.view.id === action.conversationId);
      if (!tab) return state;
      const notice: TransferNotice = { direction: 'out', colleague: action.to, number: tab.number };
      return { ...dismiss(state, action.conversationId), transferNotice: notice };
    }
    case 'transfer-notice-seen':
      return { ...state, transferNotice: null };
    case 'whisper': {
      const seen = state.viewing && state.selectedId === action.conversationId;
      return seen ? state : updateTab(state, action.conversationId, (tab) => ({ ...tab, unread: tab.unread + 1 }));
    }
    case 'visitor-read':
      return updateTab(state, action.conversationId, (tab) => ({
        ...tab,
        view: { ...tab.view, visitorReadSeq: Math.max(tab.view.visitorReadSeq, action.seq) },
      }));
  }
}

export function activeConversationCount(state: ConsoleState): number {
  return state.tabs.filter((tab) => tab.view.status === 'active').length;
}

export function isAtCapacity(state: ConsoleState): boolean {
  return state.me !== null && activeConversationCount(state) >= state.me.maxConversations;
}

/** Her own messages still waiting for an acknowledgement that may yet be sent. */
export function messagesToSend(tab: ConversationTab): LoggedMessage[] {
  return pendingMessages(tab.log).filter((message) => !tab.failed.includes(message.clientId));
}

/** After a reconnect: ask for history where the server may hold messages this screen has not shown. */
export function needsHistory(tab: ConversationTab): boolean {
  return tab.view.status !== 'closed' || tab.view.lastSeq > lastSeq(tab.log);
}

export function totalUnread(state: ConsoleState): number {
  return state.tabs.reduce((sum, tab) => sum + tab.unread, 0);
}

/** The seq up to which she has the selected conversation on screen, if that should be told to the visitor. */
export function readUpTo(state: ConsoleState): { conversationId: string; seq: number } | null {
  const tab = state.tabs.find((candidate) => candidate.view.id === state.selectedId);
  if (!state.viewing || !tab || tab.view.status !== 'active') return null;
  const seq = lastSeq(tab.log);
  return seq > 0 ? { conversationId: tab.view.id, seq } : null;
}
