// Shapes the server sends: what visitors and staff see of conversations, messages and the queue.

import type { ClosingFormLists } from './conversation-tools-schema.ts';
import type { Intake, IntakeAnswers, Role, Schedule } from './schemas.ts';
import type { AdmissionWorkView } from './work.ts';

export type Author = 'visitor' | 'counselor' | 'system';
export type ConversationStatus = 'waiting' | 'active' | 'closed';
/**
 * Why a conversation closed. `served`: the counselor ended it; `visitor_left`: the visitor ended an active
 * conversation; `visitor_left_quickly`: she used quick exit; `abandoned_in_queue`: she left the queue, or was
 * gone from it past the grace period; `blocked`: the counselor blocked a troll (the visitor is told `served`);
 * `raid_wave`: a supervisor ended a raid wave (she is told `served`); `turned_away_at_closing`: she was still
 * waiting when the chat closed and the time the admins grant after closing had passed; `connection_lost`: she
 * was waiting and no tab of hers came back within the time her place is kept.
 */
export type ClosedReason =
  | 'served'
  | 'visitor_left'
  | 'visitor_left_quickly'
  | 'abandoned_in_queue'
  | 'blocked'
  | 'raid_wave'
  | 'turned_away_at_closing'
  | 'connection_lost';

export interface MessageView {
  seq: number;
  clientId: string;
  author: Author;
  text: string;
  sentAt: string;
  /** Staff side only: which counselor wrote it, and her name (after a transfer, a colleague's). */
  staffId?: string | null;
  staffName?: string | null;
}

export interface VisitorConversationView {
  status: ConversationStatus;
  closedReason: ClosedReason | null;
  /** 1-based place in the queue while waiting. */
  position: number | null;
  /** Minutes; null when no counselor is available to give an honest figure. */
  estimatedWaitMinutes: number | null;
  /** The estimate runs past closing time: she may not be answered today. */
  waitExceedsClosing: boolean;
  /** Once the chat has closed: until when those already waiting are still answered (ISO); else null. */
  servingUntil: string | null;
  urgent: boolean;
  lastSeq: number;
  /** Her counselor has read her messages up to this sequence number. */
  counselorReadSeq: number;
  /** Active: her counselor's console has lost its connection; she may come back, or a colleague takes over. */
  counselorAway: boolean;
  /** Waiting again because her counselor was gone too long: she is back at the head of the queue. */
  handedBack: boolean;
}

/** Everything a visitor's page needs before she writes: hours, admission, the wait she can expect. */
export interface ScheduleStatusView {
  open: boolean;
  closesAt: string | null;
  nextOpensAt: string | null;
  schedule: Schedule;
  counselorsAvailable: number;
  /** Whether a new conversation would be accepted now, and why not. */
  admission: { paused: boolean; full: boolean; message?: string | null };
  /** For someone who joins now; null when no counselor is available. */
  estimatedWaitMinutes: number | null;
  waitExceedsClosing: boolean;
  visitorPage: { title: string; brand: string; quickExitUrl: string };
  intake: Intake;
  /** The server's clock when it answered: "today" and "tomorrow" on the page count on it, not the phone's. */
  serverTime: string;
}

export interface QueueEntryView {
  conversationId: string;
  /** "Visiteuse N": the same everywhere, given by the server (null for conversations older than numbering). */
  visitorNumber: number | null;
  waitingSince: string;
  urgent: boolean;
  /** Her connection is gone: she keeps her place, and taking the next person skips her until she is back. */
  absent: boolean;
  intake: IntakeAnswers;
}

export interface QueueView {
  waiting: number;
  oldestWaitingSince: string | null;
  entries: QueueEntryView[];
}

export interface StaffConversationView {
  id: string;
  /** "Visiteuse N": the same in every console, on the board, after a transfer or a reload. */
  visitorNumber: number | null;
  status: ConversationStatus;
  closedReason: ClosedReason | null;
  createdAt: string;
  assignedAt: string | null;
  closedAt: string | null;
  lastSeq: number;
  urgent: boolean;
  /** Her intake answers, so that the counselor still has them once the conversation is open. */
  intake: IntakeAnswers;
  /** It has ended and her closing form is still owed: the tab stays until she sends it. */
  formDue: boolean;
  /** The visitor has seen the messages up to this sequence number. */
  visitorReadSeq: number;
  /**
   * The counselor has had the conversation on screen up to this sequence number: what is unread is only what
   * comes after, so that a reload never brings back unread messages or their reminders.
   */
  counselorReadSeq: number;
  /** Active: since when no tab of hers is connected (ISO); null while she is there. */
  visitorAwaySince: string | null;
}

export type PresenceStatus = 'available' | 'paused';

export interface StaffMemberView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Whether two-factor authentication is on (in the admin's team list). */
  totpEnabled?: boolean;
}

export interface StaffStateView {
  me: { id: string; displayName: string; role: Role; status: PresenceStatus; maxConversations: number };
  queue: QueueView;
  /** Her open conversations, then those that ended and still owe a closing form. */
  conversations: StaffConversationView[];
  /** The lists the closing form offers. */
  closingForm: ClosingFormLists;
  /** The supervision's whispers about her open conversations (kept in memory for their life, decision 0013). */
  whispers: WhisperView[];
  /** The server's clock when the state was built: durations on screen count on it, not the browser's. */
  serverTime: string;
}

/** Every acknowledgement has this shape, on both namespaces. */
export type Ack<T> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: string; message: string; retryAfterSeconds?: number } };

// ---- conversation tools ----
/** A private note: staff-only, never sent to the visitor namespace. */
export interface NoteView {
  id: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  createdAt: string;
}

/** A colleague who could take a transfer now: online, available, with her load. */
export interface ColleagueView {
  id: string;
  displayName: string;
  activeConversations: number;
  maxConversations: number;
}

/** To the counselor who receives a transfer: the conversation, its history, and who handed it over. */
export interface TransferredInView {
  conversation: StaffConversationView;
  messages: MessageView[];
  from: string;
}

/** One staff member online, as the supervision board shows her. */
export interface BoardStaffView {
  id: string;
  displayName: string;
  role: Role;
  status: PresenceStatus;
  /** Conversations she holds now, against the per-counselor limit. */
  load: number;
  limit: number;
}

export interface BoardConversationView {
  id: string;
  visitorNumber: number | null;
  counselorId: string | null;
  counselorName: string | null;
  /** When she was taken: the duration counts from here. */
  assignedAt: string | null;
  urgent: boolean;
  /** Since when its counselor has had no console connected (ISO); null while she is there. */
  counselorAwaySince: string | null;
}

/** The supervisor's live board: the queue, the people online, every active conversation. */
export interface SupervisionBoardView {
  waiting: number;
  oldestWaitingSince: string | null;
  staff: BoardStaffView[];
  conversations: BoardConversationView[];
  intake: IntakeModeView;
  blocks: VisitorBlockView[];
  /** How much work a newcomer's page does now, and why (decision 0017). */
  admissionWork: AdmissionWorkView;
  raid: RaidModeView & { suggested: boolean };
  /** A conversation whose counselor is away this long is flagged (settings.presence, decision 0026). */
  counselorFlagSeconds: number;
  /** The server's clock when the board was built: durations on screen count on it, not the browser's. */
  serverTime: string;
}

/** A supervisor's word to the counselor of one conversation; never shown to the visitor, never stored. */
export interface WhisperView {
  conversationId: string;
  clientId: string;
  fromName: string;
  text: string;
  sentAt: string;
}

/** A conversation that ended lately and whose content is still kept, as a supervisor may look it up. */
export interface ClosedConversationView {
  id: string;
  counselorName: string | null;
  closedAt: string;
  closedReason: ClosedReason | null;
}

/** What a supervisor reading a conversation silently receives first (or the transcript of an ended one). */
export interface WatchedConversationView {
  conversation: StaffConversationView;
  counselorName: string | null;
  messages: MessageView[];
}

/**
 * Whether new visitors are let in, as supervisors switch it from the board: `paused` (none for now) or
 * `closing` (the queue is closing: none new, those waiting keep their place), with a short message for them.
 */
export type IntakeMode = 'open' | 'paused' | 'closing';

export interface IntakeModeView {
  mode: IntakeMode;
  message: string | null;
  setByName: string | null;
  since: string | null;
}

/** Raid mode as the board shows it; `suggested` when a surge of new conversations is detected. */
export interface RaidModeView {
  on: boolean;
  /** Short and public: visitors read it on the home page. */
  message: string | null;
  setByName: string | null;
  since: string | null;
}

/** A troll blocked for 24 h, as supervisors see it on the board: when, by whom, until when. */
export interface VisitorBlockView {
  id: string;
  blockedByName: string;
  createdAt: string;
  expiresAt: string;
}
