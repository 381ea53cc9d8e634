// Socket.IO room names. A visitor's sockets join her conversation's room; a staff member's sockets join
// her own room and her session's room (so that logout can end exactly that session's sockets).
export const rooms = {
  visitor: (conversationId: string) => `visitor:${conversationId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  session: (sessionHash: string) => `session:${sessionHash}`,
  allStaff: 'staff',
} as const;

/** Supervision rooms: who follows the board, and who reads one conversation silently. */
export const supervisionRooms = {
  board: 'supervision:board',
  watching: (conversationId: string) => `watching:${conversationId}`,
} as const;
