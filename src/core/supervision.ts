// Supervision rules: who may oversee the desk, and the board assembled from who is online and what is active.
import type { Locale, Role } from '../protocol/constants.ts';
import type { BoardConversationView, BoardStaffView, PresenceStatus } from '../protocol/views.ts';

/** Supervisors and admins watch the desk; a counselor sees her own conversations only. */
export function mayOversee(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

export interface OnlineStaff {
  id: string;
  displayName: string;
  role: Role;
  status: PresenceStatus;
}

/**
 * Each online person with her load (the active conversations she holds); available first, then by name, so
 * that the eye finds free capacity at once. Active conversations longest first: those are the ones to check on.
 */
export function boardStaffAndConversations(
  online: OnlineStaff[],
  active: BoardConversationView[],
  limit: number,
): { staff: BoardStaffView[]; conversations: BoardConversationView[] } {
  const load = new Map<string, number>();
  for (const conversation of active) {
    if (conversation.counselorId) load.set(conversation.counselorId, (load.get(conversation.counselorId) ?? 0) + 1);
  }
  const staff = online
    .map((person) => ({ ...person, load: load.get(person.id) ?? 0, limit }))
    .sort(
      (a, b) =>
        Number(b.status === 'available') - Number(a.status === 'available') ||
        a.displayName.localeCompare(b.displayName),
    );
  const conversations = [...active].sort((a, b) => (a.assignedAt ?? '').localeCompare(b.assignedAt ?? ''));
  return { staff, conversations };
}

/**
 * What the visitor reads when a supervisor takes over: neutral, true, and nothing about why (she must not feel
 * she did something wrong, and someone reading over her shoulder learns nothing).
 */
export const takeOverNotice: Readonly<Record<Locale, string>> = {
  fr: 'Une autre personne de l’équipe poursuit la conversation avec vous. Elle voit tout ce que vous avez écrit.',
  en: 'Another member of the team is continuing the conversation with you. She can see everything you wrote.',
};
