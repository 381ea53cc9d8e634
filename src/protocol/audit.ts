// What the audit log records. Each entry names an action, who did it and on which record; never message
// content, never a visitor's address.
export const auditActions = [
  'staff.login',
  'staff.login_failed',
  'staff.logout',
  'staff.created',
  'staff.updated',
  'settings.changed',
  'transcript.read',
  'conversation.transferred',
  'conversation.taken_over',
  // Its counselor's console was gone past the admins' limit: back to the queue (decision 0026), by Havre itself.
  'conversation.handed_back',
  'conversation.watched',
  'visitor.blocked',
  'visitor.unblocked',
  'raid_mode.on',
  'raid_mode.off',
  'raid.wave_ended',
  'totp.enabled',
  'totp.disabled',
  'totp.recovery_code_used',
  'staff.password_changed',
  'security.changed',
  // Team canned answers (comfort).
  'canned_answer.created',
  'canned_answer.updated',
  'canned_answer.deleted',
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  /** When the target is a conversation: its visitor's label and when it began, shown instead of its id. */
  conversation?: { visitorNumber: number | null; createdAt: string };
  /** Identifiers and categories only (a role, a setting's name, a reason code): never free text. */
  details: Record<string, string | number | boolean | null>;
}
