// The staff socket: turns server events into reducer actions and her actions into acknowledged emits.
// Delivery is at-least-once from here (same client id on every retry) and exactly-once on screen
// (message-log merges by client id); after each (re)connection it resumes every tab from its last seq.
import type { Socket } from 'socket.io-client';
import type { ClosingFormAnswers } from '../../src/protocol/conversation-tools-schema.ts';
import { staffEvents, supervisionEvents } from '../../src/protocol/events.ts';
import type {
  Ack,
  MessageView,
  PresenceStatus,
  QueueView,
  StaffConversationView,
  StaffStateView,
  TransferredInView,
  WhisperView,
} from '../../src/protocol/views.ts';
import { newClientId } from '../ui/client-id.ts';
import { contiguousSeq, lastSeq, pendingMessage } from '../ui/message-log.ts';
import {
  type ConsoleAction,
  type ConsoleState,
  consoleReducer,
  initialConsoleState,
  messagesToSend,
  needsHistory,
  readUpTo,
} from './console-state.ts';
import { noteServerTime } from './server-clock.ts';

const ACK_TIMEOUT_MS = 10_000;
/** A lost `typing: false` must not leave "is typing…" on screen for ever. */
const VISITOR_TYPING_TTL_MS = 8_000;

export interface ConsoleClient {
  getState(): ConsoleState;
  subscribe(listener: () => void): () => void;
  setPresence(status: PresenceStatus): Promise<Ack<{ status: PresenceStatus }>>;
  takeNext(): Promise<Ack<{ conversation: StaffConversationView; messages: MessageView[] }>>;
  send(conversationId: string, text: string): void;
  typing(conversationId: string, typing: boolean): void;
  end(conversationId: string): Promise<Ack<{ conversation: StaffConversationView }>>;
  select(conversationId: string): void;
  /** Whether she can see the conversations; messages arriving unseen count as unread. */
  setViewing(viewing: boolean): void;
  dismiss(conversationId: string): void;
  /** Sends her closing form; once received, the tab goes away. */
  fileClosingForm(
    conversationId: string,
    answers: ClosingFormAnswers,
  ): Promise<Ack<{ conversation: StaffConversationView }>>;
  /** Hands an active conversation to a colleague; its tab closes once the server confirms. */
  transfer(
    conversationId: string,
    toStaffId: string,
    note: string,
  ): Promise<Ack<{ conversationId: string; to: string }>>;
  seeTransferNotice(): void;
  /** Asks the server (a private-notes panel, a transfer dialog) and returns its acknowledgement. */
  request<T>(event: string, payload: unknown): Promise<Ack<T>>;
  /** Connects again after the server dropped the socket, once the session is known to be valid. */
  reconnect(): void;
  close(): void;
}

export interface ConsoleClientOptions {
  socket: Socket;
  /** The server refused or dropped the socket: the session may be over. */
  onSessionLost: () => void;
}

export function createConsoleClient({ socket, onSessionLost }: ConsoleClientOptions): ConsoleClient {
  let state = initialConsoleState;
  const listeners = new Set<() => void>();
  const flushing = new Set<string>();
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Read marks told to the server, by conversation: each is told once, and only forward. */
  const toldRead = new Map<string, number>();

  const dispatch = (action: ConsoleAction) => {
    state = consoleReducer(state, action);
    for (const listener of listeners) listener();
    tellRead();
  };

  /** She has the conversation on screen: the visitor will see "Lu" under her messages. A hint, never retried. */
  function tellRead(): void {
    const read = readUpTo(state);
    if (!read || !socket.connected || (toldRead.get(read.conversationId) ?? 0) >= read.seq) return;
    toldRead.set(read.conversationId, read.seq);
    socket.emit(staffEvents.read, read, () => {});
  }

  async function request<T>(event: string, payload: unknown): Promise<Ack<T>> {
    // Never let socket.io buffer a request while offline: a "take next" replayed minutes later would surprise her.
    if (!socket.connected) return { ok: false, error: { code: 'NETWORK', message: 'disconnected' } };
    try {
      return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'no acknowledgement' } };
    }
  }

  const findTab = (conversationId: string) => state.tabs.find((tab) => tab.view.id === conversationId);

  /** Sends her pending messages of one conversation one at a time, so that they keep their order. */
  async function flush(conversationId: string): Promise<void> {
    if (flushing.has(conversationId)) return;
    flushing.add(conversationId);
    try {
      while (socket.connected) {
        const tab = findTab(conversationId);
        const next = tab ? messagesToSend(tab)[0] : undefined;
        if (!next) return;
        const ack = await request<{ message: MessageView }>(staffEvents.send, {
          conversationId,
          clientId: next.clientId,
          text: next.text,
        });
        // A timeout retries with the same client id while connected; the server keeps one copy.
        if (ack.ok) dispatch({ type: 'messages', conversationId, messages: [ack.message] });
        else if (ack.error.code !== 'TIMEOUT') {
          dispatch({ type: 'send-failed', conversationId, clientId: next.clientId, code: ack.error.code });
        }
      }
    } finally {
      flushing.delete(conversationId);
    }
  }

  /**
   * History comes in pages: ask again from the new last seq until a page comes back empty. It asks from before
   * the first hole, so that a message lost on the way (or sent before she held the conversation) is fetched.
   */
  async function fetchHistory(conversationId: string): Promise<void> {
    let from = -1;
    for (;;) {
      const tab = findTab(conversationId);
      if (!tab || contiguousSeq(tab.log) <= from) return;
      from = contiguousSeq(tab.log);
      const ack = await request<{ messages: MessageView[] }>(staffEvents.history, { conversationId, afterSeq: from });
      if (!ack.ok || ack.messages.length === 0) return;
      dispatch({ type: 'messages', conversationId, messages: ack.messages });
    }
  }

  function resume(): void {
    for (const tab of state.tabs) {
      if (needsHistory(tab)) void fetchHistory(tab.view.id);
      void flush(tab.view.id);
    }
  }

  function setVisitorTyping(conversationId: string, typing: boolean): void {
    clearTimeout(typingTimers.get(conversationId));
    typingTimers.delete(conversationId);
    if (typing) {
      typingTimers.set(
        conversationId,
        setTimeout(() => dispatch({ type: 'typing', conversationId, typing: false }), VISITOR_TYPING_TTL_MS),
      );
    }
    dispatch({ type: 'typing', conversationId, typing });
  }

  socket.on('connect', () => dispatch({ type: 'connection', connection: 'connected' }));
  socket.on('disconnect', (reason) => {
    dispatch({ type: 'connection', connection: 'disconnected' });
    // The server closed the socket on purpose (logout elsewhere, expired session): it will not come back alone.
    if (reason === 'io server disconnect') onSessionLost();
  });
  socket.on('connect_error', () => {
    dispatch({ type: 'connection', connection: 'disconnected' });
    // Refused by the namespace middleware (UNAUTHENTICATED): socket.io does not retry those.
    if (!socket.active) onSessionLost();
  });
  socket.on(staffEvents.state, (staffState: StaffStateView) => {
    noteServerTime(staffState.serverTime);
    dispatch({ type: 'state', state: staffState });
    resume();
  });
  socket.on(staffEvents.queue, (queue: QueueView) => dispatch({ type: 'queue', queue }));
  socket.on(staffEvents.conversation, (conversation: StaffConversationView) =>
    dispatch({ type: 'conversation', conversation }),
  );
  socket.on(staffEvents.message, ({ conversationId, message }: { conversationId: string; message: MessageView }) => {
    const tab = findTab(conversationId);
    const gap = tab !== undefined && message.seq > lastSeq(tab.log) + 1;
    dispatch({ type: 'messages', conversationId, messages: [message] });
    // A missing seq means an event was lost on the way: fetch what lies between.
    if (gap) void fetchHistory(conversationId);
  });
  socket.on(staffEvents.read, ({ conversationId, seq }: { conversationId: string; seq: number }) =>
    dispatch({ type: 'visitor-read', conversationId, seq }),
  );
  // A whisper about a conversation that is not on screen raises its badge, the title's count and the chime.
  socket.on(supervisionEvents.whisperReceived, ({ conversationId }: WhisperView) =>
    dispatch({ type: 'whisper', conversationId }),
  );
  socket.on(staffEvents.transferredIn, ({ conversation, messages, from }: TransferredInView) => {
    dispatch({ type: 'transferred-in', conversation, messages, from });
    void fetchHistory(conversation.id);
  });
  socket.on(staffEvents.transferredOut, ({ conversationId, to }: { conversationId: string; to: string }) =>
    dispatch({ type: 'transferred-out', conversationId, to }),
  );
  socket.on(staffEvents.visitorTyping, ({ conversationId, typing }: { conversationId: string; typing: boolean }) =>
    setVisitorTyping(conversationId, typing),
  );

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setPresence(status) {
      const ack = await request<{ status: PresenceStatus }>(staffEvents.presence, { status });
      if (ack.ok) dispatch({ type: 'presence', status: ack.status });
      return ack;
    },
    async takeNext() {
      const ack = await request<{ conversation: StaffConversationView; messages: MessageView[] }>(
        staffEvents.takeNext,
        {},
      );
      if (ack.ok) {
        dispatch({ type: 'taken', conversation: ack.conversation, messages: ack.messages });
        void fetchHistory(ack.conversation.id);
      }
      return ack;
    },
    send(conversationId, text) {
      dispatch({
        type: 'pending',
        conversationId,
        message: pendingMessage(newClientId(), 'counselor', text),
      });
      void flush(conversationId);
    },
    typing(conversationId, typing) {
      // Typing is a hint: fire and forget, never retried.
      if (socket.connected) socket.emit(staffEvents.typing, { conversationId, typing }, () => {});
    },
    async end(conversationId) {
      const ack = await request<{ conversation: StaffConversationView }>(staffEvents.end, { conversationId });
      if (ack.ok) dispatch({ type: 'conversation', conversation: ack.conversation });
      return ack;
    },
    select: (conversationId) => dispatch({ type: 'select', conversationId }),
    setViewing: (viewing) => {
      if (state.viewing !== viewing) dispatch({ type: 'viewing', viewing });
    },
    dismiss: (conversationId) => dispatch({ type: 'dismiss', conversationId }),
    async fileClosingForm(conversationId, answers) {
      const ack = await request<{ conversation: StaffConversationView }>(staffEvents.submitClosingForm, {
        conversationId,
        answers,
      });
      if (ack.ok) dispatch({ type: 'conversation', conversation: ack.conversation });
      return ack;
    },
    request,
    async transfer(conversationId, toStaffId, note) {
      const ack = await request<{ conversationId: string; to: string }>(staffEvents.transfer, {
        conversationId,
        toStaffId,
        note,
      });
      if (ack.ok) dispatch({ type: 'transferred-out', conversationId, to: ack.to });
      return ack;
    },
    seeTransferNotice: () => dispatch({ type: 'transfer-notice-seen' }),
    reconnect() {
      if (!socket.connected) socket.connect();
    },
    close() {
      for (const timer of typingTimers.values()) clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
      listeners.clear();
    },
  };
}
