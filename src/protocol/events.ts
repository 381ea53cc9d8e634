// Socket.IO event names, one place for both namespaces.
export const visitorEvents = {
  /** Asks for the admission work (a proof-of-work challenge) that `start` must carry, solved. */
  challenge: 'work:challenge',
  start: 'conversation:start',
  resume: 'conversation:resume',
  send: 'message:send',
  history: 'message:history',
  typing: 'typing',
  end: 'conversation:end',
  /** Both ways: she has seen up to `seq`; the counselor has read up to `seq`. */
  read: 'message:read',
  // server → visitor
  state: 'conversation:state',
  message: 'message:new',
  counselorTyping: 'typing',
} as const;

export const staffEvents = {
  presence: 'presence:set',
  takeNext: 'queue:take-next',
  send: 'message:send',
  history: 'message:history',
  typing: 'typing',
  end: 'conversation:end',
  // server → staff
  state: 'staff:state',
  queue: 'queue:update',
  conversation: 'conversation:update',
  message: 'message:new',
  visitorTyping: 'typing',
  // conversation tools (closing form, private notes)
  submitClosingForm: 'closing-form:submit',
  addNote: 'note:add',
  notes: 'note:list',
  colleagues: 'transfer:colleagues',
  transfer: 'conversation:transfer',
  /** Both ways: she has read up to `seq`; the visitor has seen up to `seq`. */
  read: 'message:read',
  // server → staff
  transferredIn: 'conversation:transferred-in',
  transferredOut: 'conversation:transferred-out',
} as const;

export const namespaces = { visitor: '/visitor', staff: '/staff' } as const;

/** Supervision, on the staff namespace: the live board, silent reading and whispers (supervisors and admins). */
export const supervisionEvents = {
  watchBoard: 'supervision:board',
  leaveBoard: 'supervision:board-leave',
  watch: 'supervision:watch',
  unwatch: 'supervision:unwatch',
  whisper: 'supervision:whisper',
  takeOver: 'supervision:take-over',
  intakeMode: 'supervision:intake-mode',
  unblock: 'supervision:unblock',
  /** Raid mode: one audited switch that raises the admission work's floor and tightens the limits. */
  raidMode: 'supervision:raid-mode',
  /** Ends every waiting conversation that arrived in a chosen recent window (a raid wave), audited. */
  endWave: 'supervision:end-wave',
  /** Ended conversations of the last 24 h whose content is still kept, and one's transcript (audited). */
  closedList: 'supervision:closed-list',
  readClosed: 'supervision:read-closed',
  /** Any counselor, on her own active conversation. */
  block: 'conversation:block',
  // server → supervisor
  board: 'supervision:board-update',
  message: 'supervision:message',
  conversation: 'supervision:conversation',
  // server → the counselor of the conversation only
  whisperReceived: 'whisper:new',
  takenOver: 'supervision:taken-over',
} as const;
