// The staff side: a socket is admitted only with a valid session cookie, and every conversation event checks
// that the conversation is assigned to this counselor before anything happens.
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { staffEvents } from '../../protocol/events.ts';
import {
  emptySchema,
  presenceSchema,
  type Settings,
  staffConversationSchema,
  staffHistorySchema,
  staffSendSchema,
  staffTypingSchema,
} from '../../protocol/schemas.ts';
import type { StaffStateView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ClusterBus } from '../cluster/cluster-bus.ts';
import type { ConversationService } from '../services/conversations.ts';
import type { DoorGuard } from '../services/door-guard.ts';
import type { KeptWhispers } from '../services/kept-whispers.ts';
import type { Presence } from '../services/presence.ts';
import { readCookie, SESSION_COOKIE, unsignSessionId } from '../services/session-cookie.ts';
import type { SettingsService } from '../services/settings.ts';
import type { StaffAccounts } from '../services/staff-accounts.ts';
import type { StaffNames } from '../services/staff-names.ts';
import type { Supervision } from '../services/supervision.ts';
import { hashToken } from '../services/tokens.ts';
import { toStaffConversationView, toStaffMessageView, toStaffMessageViews } from '../services/views.ts';
import type { VisitorBlocks } from '../services/visitor-blocks.ts';
import { type QueueSnapshot, toQueueView, type WaitingRoom } from '../services/waiting-room.ts';
import { isDatabaseUnavailable } from '../storage/postgres-pool.ts';
import type { StaffRow } from '../storage/schema.ts';
import { acknowledgedEvents } from './acknowledged.ts';
import type { CounselorAbsence } from './counselor-absence.ts';
import type { Notifier } from './notifier.ts';
import { rooms } from './rooms.ts';
import { type ConversationToolsDeps, registerConversationTools } from './staff-conversation-tools.ts';
import { attachSupervisionEvents } from './supervision.ts';

interface Deps {
  namespace: Namespace;
  visitorNamespace: Namespace;
  accounts: StaffAccounts;
  conversations: ConversationService;
  presence: Presence;
  settings: SettingsService;
  waitingRoom: WaitingRoom;
  notifier: Notifier;
  secret: string;
  log: Logger;
  tools: Omit<ConversationToolsDeps, 'notifier' | 'log' | 'namespace' | 'conversations' | 'visitorNamespace'>;
  supervision: Supervision;
  blocks: VisitorBlocks;
  doors: DoorGuard;
  counselorAbsence: CounselorAbsence;
  staffNames: StaffNames;
  whispers: KeptWhispers;
  clock: Clock;
  bus: ClusterBus;
}

interface StaffSocketData {
  staff: StaffRow;
  sessionHash: string;
}

export function attachStaffNamespace(deps: Deps) {
  const { namespace, accounts, secret } = deps;

  // Socket.IO does not await middleware: anything thrown here must become a refusal, never an unhandled
  // rejection (which would stop the process).
  namespace.use((socket, next) => {
    authenticateSocket(socket.handshake.headers.cookie, accounts, secret)
      .then((data) => {
        if (!data) return next(new Error('UNAUTHENTICATED'));
        socket.data = data;
        next();
      })
      .catch((error: unknown) => {
        // The session could not be checked (the database is away): say so, so that the console waits and
        // tries again instead of signing her out of a session that is still valid.
        if (isDatabaseUnavailable(error)) return next(new Error('UNAVAILABLE'));
        deps.log.warn({ err: error }, 'staff socket authentication failed');
        next(new Error('UNAUTHENTICATED'));
      });
  });

  namespace.on('connection', (socket: Socket) => {
    connect(socket, deps).catch((error: unknown) => {
      deps.log.error({ err: error }, 'staff connection failed');
      socket.disconnect(true);
    });
  });

  deps.bus.on('staff', ({ staffId }) => {
    refreshStaffHere(staffId, deps).catch((error: unknown) => deps.log.error({ err: error }, 'staff refresh failed'));
  });

  return {
    /**
     * Settings changed (e.g. the conversation limit): every staff member connected to this node gets a fresh
     * state (the other nodes do the same when told, decision 0029).
     */
    async refreshHere(): Promise<void> {
      const shared = sharedState(deps);
      for (const socket of namespace.sockets.values()) {
        const { staff } = socket.data as StaffSocketData;
        socket.emit(staffEvents.state, await stateOf(staff, deps, shared));
      }
    },
  };
}

async function authenticateSocket(
  cookieHeader: string | undefined,
  accounts: StaffAccounts,
  secret: string,
): Promise<StaffSocketData | null> {
  const cookie = readCookie(cookieHeader, SESSION_COOKIE);
  const sessionId = cookie ? unsignSessionId(cookie, secret) : null;
  const staff = sessionId ? await accounts.authenticate(sessionId) : null;
  return sessionId && staff ? { staff, sessionHash: hashToken(sessionId) } : null;
}

async function stateOf(
  staff: StaffRow,
  deps: Deps,
  shared?: Promise<[Settings, QueueSnapshot]>,
): Promise<StaffStateView> {
  const [[settings, snapshot], active, formDue] = await Promise.all([
    shared ?? sharedState(deps),
    deps.conversations.activeOf(staff.id),
    deps.conversations.formDueOf(staff.id),
  ]);
  const whispers = await deps.whispers.of(active.map((conversation) => conversation.id));
  return {
    me: {
      id: staff.id,
      displayName: staff.display_name,
      role: staff.role,
      status: deps.presence.statusOf(staff.id),
      maxConversations: settings.maxConversationsPerCounselor,
    },
    queue: toQueueView(snapshot),
    conversations: [...active, ...formDue].map(toStaffConversationView),
    closingForm: settings.closingForm,
    whispers,
    serverTime: deps.clock.now().toISOString(),
  };
}

/** What every staff member's state has in common: the settings and the queue. */
function sharedState(deps: Deps): Promise<[Settings, QueueSnapshot]> {
  return Promise.all([deps.settings.current(), deps.waitingRoom.snapshot()]);
}

async function connect(socket: Socket, deps: Deps): Promise<void> {
  const { conversations, presence, notifier, visitorNamespace, log } = deps;
  const { staff, sessionHash } = socket.data as StaffSocketData;
  const on = acknowledgedEvents(socket, log);

  presence.connected(staff.id, staff.presence);
  deps.staffNames.remember(staff.id, staff.display_name);
  deps.counselorAbsence.back(staff.id);
  socket.on('disconnect', () => {
    presence.disconnected(staff.id);
    deps.counselorAbsence.left(staff.id);
    notifier.queueChanged();
  });
  socket.join([rooms.staff(staff.id), rooms.session(sessionHash), rooms.allStaff]);

  on(staffEvents.presence, presenceSchema, async ({ status }) => {
    await presence.setStatus(staff.id, status);
    notifier.queueChanged();
    return { status };
  });

  on(staffEvents.takeNext, emptySchema, async () => {
    const conversation = await conversations.takeNext(staff.id);
    notifier.conversation(conversation);
    notifier.queueChanged();
    const messages = await conversations.history(conversation.id, 0);
    return {
      conversation: toStaffConversationView(conversation),
      messages: await toStaffMessageViews(messages, deps.staffNames),
    };
  });

  // Generous per-socket limits: a counselor pasting canned answers is never slowed, a stolen session is.
  const perSocket = (door: 'staffMessages' | 'staffTyping') => ({ limit: () => deps.doors.take(door, socket.id) });
  on(
    staffEvents.send,
    staffSendSchema,
    async ({ conversationId, clientId, text }) => {
      const sent = await conversations.sendAsCounselor(staff.id, conversationId, clientId, text);
      if (sent.created) deps.notifier.message(sent.conversation, sent.message);
      return { message: toStaffMessageView(sent.message, deps.staffNames) };
    },
    perSocket('staffMessages'),
  );

  on(staffEvents.history, staffHistorySchema, async ({ conversationId, afterSeq }) => {
    const messages = await conversations.historyForCounselor(staff.id, conversationId, afterSeq);
    return { messages: await toStaffMessageViews(messages, deps.staffNames) };
  });

  on(
    staffEvents.typing,
    staffTypingSchema,
    async ({ conversationId, typing }) => {
      const conversation = await conversations.requireAssigned(staff.id, conversationId);
      if (conversation.status === 'active')
        visitorNamespace.to(rooms.visitor(conversationId)).emit(staffEvents.visitorTyping, { typing });
      return {};
    },
    perSocket('staffTyping'),
  );

  on(staffEvents.end, staffConversationSchema, async ({ conversationId }) => {
    const conversation = await conversations.endByCounselor(staff.id, conversationId);
    notifier.conversation(conversation);
    notifier.queueChanged();
    return { conversation: toStaffConversationView(conversation) };
  });

  registerConversationTools(socket, staff, {
    ...deps.tools,
    notifier,
    log,
    namespace: deps.namespace,
    conversations,
    visitorNamespace,
  });
  attachSupervisionEvents({
    socket,
    staff,
    on,
    namespace: deps.namespace,
    supervision: deps.supervision,
    notifier,
    refreshStaff: (staffId) => refreshStaff(staffId, deps),
    blocks: deps.blocks,
    whispers: deps.whispers,
    log,
  });

  socket.emit(staffEvents.state, await stateOf(staff, deps));
  notifier.queueChanged();
}

/** A fresh state to every socket of one staff member, on every node: her conversations changed without her doing. */
async function refreshStaff(staffId: string, deps: Deps): Promise<void> {
  deps.bus.tell({ type: 'staff', staffId });
  await refreshStaffHere(staffId, deps);
}

async function refreshStaffHere(staffId: string, deps: Deps): Promise<void> {
  for (const socket of deps.namespace.sockets.values()) {
    const { staff } = socket.data as StaffSocketData;
    if (staff.id === staffId) socket.emit(staffEvents.state, await stateOf(staff, deps));
  }
}
