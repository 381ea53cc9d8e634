// Table types for Kysely. The SQL that creates them lives in ./migrations.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ResourceCard } from '../../protocol/canned-answers.ts';
import type { Role } from '../../protocol/schemas.ts';
import type { Author, ClosedReason, ConversationStatus, PresenceStatus } from '../../protocol/views.ts';

type Timestamp = ColumnType<Date, Date, Date>;

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: Generated<boolean>;
  presence: Generated<PresenceStatus>;
  created_at: Timestamp;
}

export interface StaffSessionTable {
  id_hash: string;
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ConversationTable {
  id: string;
  /** Null once the conversation is purged. */
  token_hash: string | null;
  status: ConversationStatus;
  closed_reason: ClosedReason | null;
  urgent: Generated<boolean>;
  /** Intake answers: question id → option id. Categories only, never free text. */
  intake: ColumnType<Record<string, string>, string | undefined, string>;
  locale: string;
  counselor_id: string | null;
  last_seq: Generated<number>;
  created_at: Timestamp;
  assigned_at: Timestamp | null;
  closed_at: Timestamp | null;
  purged_at: Timestamp | null;
  /** She held it and it ended: her closing form is owed (migration 0004). */
  closing_form_due: Generated<boolean>;
  /** The visitor has seen every message up to this sequence number (migration 0004). */
  visitor_read_seq: Generated<number>;
  /** Her counselor has had the conversation on screen up to this sequence number (migration 0004). */
  counselor_read_seq: Generated<number>;
  /** Since when no tab of hers is connected, waiting or active; null while she is there (migrations 0008, 0009). */
  absent_since: Timestamp | null;
  /** Active: since when its counselor has had no console connected; null while she is there (migration 0009). */
  counselor_absent_since: Timestamp | null;
  /** When it last went back to the queue because its counselor was gone too long (migration 0009). */
  handed_back_at: Timestamp | null;
  /** "Visiteuse N": its rank among the day's conversations in the helpline's time zone (migration 0010). */
  visitor_number: number | null;
}

/** How many conversations each day has had so far, for the visitor labels (migration 0010). */
export interface DailyNumberTable {
  /** YYYY-MM-DD in the helpline's time zone. */
  day: string;
  last: number;
}

export interface ConversationKeyTable {
  conversation_id: string;
  /** The conversation's data key, sealed with the master key and the keyring's key of `key_epoch`. */
  wrapped: Uint8Array;
  /** The keyring epoch (UTC day) it is sealed under; null: the master key alone (before the keyring). */
  key_epoch: number | null;
  created_at: Timestamp;
}

export interface MessageTable {
  conversation_id: string;
  seq: number;
  client_id: string;
  author: Author;
  staff_id: string | null;
  /** The text sealed with the conversation's data key. */
  ciphertext: Uint8Array;
  sent_at: Timestamp;
}

export interface SettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  /** Null once the account is deleted; actor_name keeps who it was. Null too for an unknown login name. */
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface StaffTotpTable {
  staff_id: string;
  /** The TOTP secret sealed with the master key. */
  secret: Uint8Array;
  /** Null while enrolment waits for its first code. */
  enabled_at: Timestamp | null;
  /** The last 30-second step whose code was accepted: a code is accepted once. */
  last_step: ColumnType<string, string | number | undefined, string | number>;
  created_at: Timestamp;
}

export interface StaffRecoveryCodeTable {
  staff_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface CannedAnswerTable {
  id: string;
  /** Null for a team answer. */
  owner_id: string | null;
  kind: 'text' | 'card';
  shortcut: string;
  title: string;
  body: string | null;
  card: ColumnType<ResourceCard | null, string | null, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VisitorBlockTable {
  id: string;
  /** Hash of the visitor's per-tab token; null when her tab sent none. */
  tab_hash: string | null;
  blocked_by: string | null;
  blocked_by_name: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  lifted_at: Timestamp | null;
  lifted_by_name: string | null;
}

export interface Database {
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  conversations: ConversationTable;
  daily_numbers: DailyNumberTable;
  conversation_keys: ConversationKeyTable;
  messages: MessageTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  staff_totp: StaffTotpTable;
  staff_recovery_codes: StaffRecoveryCodeTable;
  closing_forms: ClosingFormTable;
  staff_texts: StaffTextTable;
  canned_answers: CannedAnswerTable;
  visitor_blocks: VisitorBlockTable;
  stats_hours: StatsHourTable;
}

/** Impact statistics: a count per hour and name (migration 0012), never anything about one visitor. */
export interface StatsHourTable {
  hour: Timestamp;
  name: string;
  /** bigint: the drivers give it back as a string (pg) or a number (PGlite). */
  value: ColumnType<string | number | bigint, number, number>;
}

export type ConversationRow = Selectable<ConversationTable>;
export type MessageRow = Selectable<MessageTable>;
export type StaffRow = Selectable<StaffTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

// ---- conversation tools (migration 0004) ----
export interface ClosingFormTable {
  conversation_id: string;
  counselor_id: string | null;
  /** Category ids only: these rows outlive the content, for the association's statistics. */
  violence_types: ColumnType<string[], string, string>;
  author: string | null;
  age_bracket: string | null;
  actions: ColumnType<string[], string, string>;
  services: ColumnType<string[], string, string>;
  /** The reporting answers (migration 0011); null when not said, and on forms filed before. */
  contact_type: string | null;
  returning_contact: boolean | null;
  children_exposed: boolean | null;
  danger_level: string | null;
  emergency_called: boolean | null;
  heard_from: string | null;
  area: string | null;
  submitted_at: Timestamp;
}

export type StaffTextKind = 'note' | 'closing_comment';

export interface StaffTextTable {
  id: string;
  conversation_id: string;
  staff_id: string | null;
  kind: StaffTextKind;
  /** Sealed with the conversation's data key; never sent to the visitor namespace. */
  ciphertext: Uint8Array;
  created_at: Timestamp;
}

export type ClosingFormRow = Selectable<ClosingFormTable>;
export type StaffTextRow = Selectable<StaffTextTable>;
export type CannedAnswerRow = Selectable<CannedAnswerTable>;
export type VisitorBlockRow = Selectable<VisitorBlockTable>;
