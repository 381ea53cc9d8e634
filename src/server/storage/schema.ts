// Table types for Kysely. The SQL that creates them lives in ./migrations.
import type { ColumnType, Generated, Selectable } from 'kysely';
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
  token_hash: string;
  status: ConversationStatus;
  closed_reason: ClosedReason | null;
  urgent: Generated<boolean>;
  locale: string;
  counselor_id: string | null;
  last_seq: Generated<number>;
  created_at: Timestamp;
  assigned_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface MessageTable {
  conversation_id: string;
  seq: number;
  client_id: string;
  author: Author;
  staff_id: string | null;
  body: string;
  sent_at: Timestamp;
}

export interface SettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface Database {
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  conversations: ConversationTable;
  messages: MessageTable;
  settings: SettingTable;
}

export type ConversationRow = Selectable<ConversationTable>;
export type MessageRow = Selectable<MessageTable>;
export type StaffRow = Selectable<StaffTable>;
