// The supervision side of the staff socket: follows the board, reads one conversation silently, whispers to
// its counselor. Rooms do not survive a reconnection, so on each (re)connection it follows the board again and
// reads again the conversation it was reading (a new socket's watch is a new watch, audited as such).
import type { Socket } from 'socket.io-client';
import { supervisionEvents } from '../../src/protocol/events.ts';
import type {
  Ack,
  ClosedConversationView,
  IntakeMode,
  IntakeModeView,
  MessageView,
  StaffConversationView,
  SupervisionBoardView,
  WatchedConversationView,
  WhisperView,
} from '../../src/protocol/views.ts';
import { newClientId } from '../ui/client-id.ts';
import { noteServerTime } from './server-clock.ts';
import {
  initialSupervisionState,
  type SupervisionAction,
  type SupervisionState,
  supervisionReducer,
} from './supervision-state.ts';

const ACK_TIMEOUT_MS = 10_000;

type Failure = { ok: false; error: { code: string; message: string } };

export interface SupervisionClient {
  getState(): SupervisionState;
  subscribe(listener: () => void): () => void;
  watch(conversationId: string): Promise<Ack<{ watched: WatchedConversationView }>>;
  unwatch(): void;
  whisper(text: string): Promise<Ack<{ whisper: WhisperView }>>;
  /** She becomes the counselor of the conversation she reads; the reading ends (it is hers now). */
  takeOver(): Promise<Ack<{ conversation: StaffConversationView }>>;
  setIntakeMode(mode: IntakeMode, message: string | null): Promise<Ack<{ intake: IntakeModeView }>>;
  unblock(blockId: string): Promise<Ack<object>>;
  /** Raid mode and raid waves (decision 0019). */
  request<T>(event: string, payload: unknown): Promise<Ack<T>>;
  /** Conversations that ended in the last 24 hours and may still be read. */
  recentlyClosed(): Promise<Ack<{ conversations: ClosedConversationView[] }>>;
  /** The transcript of one of them; each reading is in the audit log. */
  readClosed(conversationId: string): Promise<Ack<{ transcript: WatchedConversationView }>>;
  close(): void;
}

export function createSupervisionClient(socket: Socket): SupervisionClient {
  let state = initialSupervisionState;
  const listeners = new Set<() => void>();
  const dispatch = (action: SupervisionAction) => {
    state = supervisionReducer(state, action);
    for (const listener of listeners) listener();
  };

  async function request<T>(event: string, payload: unknown): Promise<Ack<T>> {
    if (!socket.connected) return { ok: false, error: { code: 'NETWORK', message: 'disconnected' } } as Failure;
    try {
      return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'no acknowledgement' } } as Failure;
    }
  }

  async function watch(conversationId: string) {
    const ack = await request<{ watched: WatchedConversationView }>(supervisionEvents.watch, { conversationId });
    if (ack.ok) dispatch({ type: 'watched', watched: ack.watched });
    return ack;
  }

  async function follow(): Promise<void> {
    const ack = await request<{ board: SupervisionBoardView }>(supervisionEvents.watchBoard, {});
    if (ack.ok) onBoard(ack.board);
    if (state.watched) await watch(state.watched.conversation.id);
  }

  const onBoard = (board: SupervisionBoardView) => {
    noteServerTime(board.serverTime);
    dispatch({ type: 'board', board });
  };
  const onMessage = ({ conversationId, message }: { conversationId: string; message: MessageView }) =>
    dispatch({ type: 'message', conversationId, message });
  const onConversation = (conversation: StaffConversationView) => dispatch({ type: 'conversation', conversation });
  const onConnect = () => void follow();
  socket.on('connect', onConnect);
  socket.on(supervisionEvents.board, onBoard);
  socket.on(supervisionEvents.message, onMessage);
  socket.on(supervisionEvents.conversation, onConversation);
  if (socket.connected) void follow();

  return {
    request,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch,
    unwatch() {
      const id = state.watched?.conversation.id;
      dispatch({ type: 'unwatched' });
      if (id && socket.connected) socket.emit(supervisionEvents.unwatch, { conversationId: id }, () => {});
    },
    async whisper(text) {
      const conversationId = state.watched?.conversation.id;
      if (!conversationId) return { ok: false, error: { code: 'NOT_FOUND', message: 'no conversation' } } as Failure;
      const ack = await request<{ whisper: WhisperView }>(supervisionEvents.whisper, {
        conversationId,
        clientId: newClientId(),
        text,
      });
      if (ack.ok) dispatch({ type: 'whispered', whisper: ack.whisper });
      return ack;
    },
    async takeOver() {
      const conversationId = state.watched?.conversation.id;
      if (!conversationId) return { ok: false, error: { code: 'NOT_FOUND', message: 'no conversation' } } as Failure;
      const ack = await request<{ conversation: StaffConversationView }>(supervisionEvents.takeOver, {
        conversationId,
      });
      if (ack.ok) this.unwatch();
      return ack;
    },
    setIntakeMode: (mode, message) =>
      request<{ intake: IntakeModeView }>(supervisionEvents.intakeMode, { mode, message }),
    unblock: (blockId) => request<object>(supervisionEvents.unblock, { blockId }),
    recentlyClosed: () => request<{ conversations: ClosedConversationView[] }>(supervisionEvents.closedList, {}),
    readClosed: (conversationId) =>
      request<{ transcript: WatchedConversationView }>(supervisionEvents.readClosed, { conversationId }),
    close() {
      socket.off('connect', onConnect);
      socket.off(supervisionEvents.board, onBoard);
      socket.off(supervisionEvents.message, onMessage);
      socket.off(supervisionEvents.conversation, onConversation);
      if (socket.connected) {
        if (state.watched) socket.emit(supervisionEvents.unwatch, { conversationId: state.watched.conversation.id });
        socket.emit(supervisionEvents.leaveBoard, {});
      }
      listeners.clear();
    },
  };
}
