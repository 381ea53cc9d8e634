// The supervision section's state as a pure reducer: the live board, the conversation she reads silently (its
// messages in order, once each) and the whispers she sent in it.
import type {
  MessageView,
  StaffConversationView,
  SupervisionBoardView,
  WatchedConversationView,
  WhisperView,
} from '../../src/protocol/views.ts';

export interface WatchedConversation {
  conversation: StaffConversationView;
  counselorName: string | null;
  messages: MessageView[];
  whispers: WhisperView[];
}

export interface SupervisionState {
  board: SupervisionBoardView | null;
  watched: WatchedConversation | null;
}

export type SupervisionAction =
  | { type: 'board'; board: SupervisionBoardView }
  | { type: 'watched'; watched: WatchedConversationView }
  | { type: 'message'; conversationId: string; message: MessageView }
  | { type: 'conversation'; conversation: StaffConversationView }
  | { type: 'whispered'; whisper: WhisperView }
  | { type: 'unwatched' };

export const initialSupervisionState: SupervisionState = { board: null, watched: null };

/** Merges by sequence number: a message seen twice (history, then live) is shown once, in order. */
function withMessage(messages: MessageView[], message: MessageView): MessageView[] {
  if (messages.some((known) => known.seq === message.seq)) return messages;
  return [...messages, message].sort((a, b) => a.seq - b.seq);
}

export function supervisionReducer(state: SupervisionState, action: SupervisionAction): SupervisionState {
  const watched = state.watched;
  switch (action.type) {
    case 'board':
      return { ...state, board: action.board };
    case 'watched': {
      const same = watched?.conversation.id === action.watched.conversation.id;
      const messages = same ? action.watched.messages.reduce(withMessage, watched.messages) : action.watched.messages;
      return {
        ...state,
        watched: { ...action.watched, messages, whispers: same ? watched.whispers : [] },
      };
    }
    case 'message':
      if (watched?.conversation.id !== action.conversationId) return state;
      return { ...state, watched: { ...watched, messages: withMessage(watched.messages, action.message) } };
    case 'conversation':
      if (watched?.conversation.id !== action.conversation.id) return state;
      return { ...state, watched: { ...watched, conversation: action.conversation } };
    case 'whispered':
      if (watched?.conversation.id !== action.whisper.conversationId) return state;
      return { ...state, watched: { ...watched, whispers: [...watched.whispers, action.whisper] } };
    case 'unwatched':
      return { ...state, watched: null };
  }
}
