// Wiring: config → storage → services → HTTP and real time. Tests start whole servers through this.
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { namespaces } from '../protocol/events.ts';
import { MAX_SOCKET_FRAME_BYTES } from '../protocol/limits.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createContentCipher } from './crypto/content-cipher.ts';
import { ensureMasterKeyMatches, loadOrCreateMasterKey } from './crypto/master-key.ts';
import { registerAccountRoutes } from './http/account-routes.ts';
import { registerAdminRoutes } from './http/admin-routes.ts';
import { createHttpApp } from './http/app.ts';
import { loginOrigin, registerAuthRoutes } from './http/auth-routes.ts';
import { registerCannedAnswerRoutes } from './http/canned-answer-routes.ts';
import { registerHealthRoutes } from './http/health-routes.ts';
import { createStaffSession } from './http/staff-session.ts';
import { registerStatusRoute } from './http/status-route.ts';
import { createBlockExpiryJob } from './jobs/block-expiry-job.ts';
import { createRetentionJob } from './jobs/retention-job.ts';
import { createNotifier } from './realtime/notifier.ts';
import { sameOriginHandshake } from './realtime/origin-check.ts';
import { rooms } from './realtime/rooms.ts';
import { watchStaffSessions } from './realtime/session-watch.ts';
import { attachStaffNamespace } from './realtime/staff-namespace.ts';
import { broadcastBoard } from './realtime/supervision.ts';
import { createVisitorAbsence, DEFAULT_VISITOR_GRACE_MS } from './realtime/visitor-absence.ts';
import { attachVisitorNamespace } from './realtime/visitor-namespace.ts';
import { loadOrCreateSecret } from './secret.ts';
import { createAuditLog } from './services/audit-log.ts';
import { createAutoAssignment } from './services/auto-assignment.ts';
import { createCannedAnswers } from './services/canned-answers.ts';
import { createClosingForms } from './services/closing-forms.ts';
import { createConversationService } from './services/conversations.ts';
import { createIntakeMode } from './services/intake-mode.ts';
import { createNetworkHasher } from './services/network-hash.ts';
import { createPresence } from './services/presence.ts';
import { createPrivateNotes } from './services/private-notes.ts';
import { createReadMarks } from './services/read-marks.ts';
import { createSettings } from './services/settings.ts';
import { createStaffAccounts } from './services/staff-accounts.ts';
import { createSupervision } from './services/supervision.ts';
import { createTransfers } from './services/transfers.ts';
import { createVisitorBlocks } from './services/visitor-blocks.ts';
import { createWaitingRoom } from './services/waiting-room.ts';
import { createStaffSecurity } from './staff-security.ts';
import { createAuditRepository } from './storage/audit-repository.ts';
import { createAutoAssignRepository } from './storage/auto-assign-repository.ts';
import { createCannedAnswerRepository } from './storage/canned-answer-repository.ts';
import { createConversationRepository } from './storage/conversation-repository.ts';
import { createConversationToolsRepository } from './storage/conversation-tools-repository.ts';
import { openDatabase } from './storage/database.ts';
import { createSettingsRepository } from './storage/settings-repository.ts';
import { createStaffRepository } from './storage/staff-repository.ts';
import { createSupervisionRepository } from './storage/supervision-repository.ts';
import { createVisitorBlockRepository } from './storage/visitor-block-repository.ts';

export interface HavreOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** Where the built web apps are; defaults to dist/web beside the sources. */
  webRoot?: string;
  /** How long a waiting visitor with no live socket keeps her place. */
  visitorGraceMs?: number;
}

export async function createHavre(options: HavreOptions) {
  const { config, log, clock = systemClock, webRoot, visitorGraceMs = DEFAULT_VISITOR_GRACE_MS } = options;
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { kind: 'pglite', dataDir: config.dataDir },
    log,
  );
  const { db } = database;
  const secret = loadOrCreateSecret(config.secret, config.dataDir);
  const masterKey = loadOrCreateMasterKey(config.masterKey, config.dataDir);

  const settingsRepository = createSettingsRepository(db);
  await ensureMasterKeyMatches(settingsRepository, masterKey, clock.now()).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const staffRepository = createStaffRepository(db);
  const conversationRepository = createConversationRepository(db);
  const settings = createSettings({ repository: settingsRepository, clock });
  const audit = createAuditLog({ repository: createAuditRepository(db), clock });
  const staffSecurity = createStaffSecurity({
    db,
    staff: staffRepository,
    settings: settingsRepository,
    masterKey,
    secret,
    audit,
    clock,
  });
  const accounts = createStaffAccounts({
    staff: staffRepository,
    settings: settingsRepository,
    clock,
    totpEnabledIds: staffSecurity.security.enabledIds,
  });
  const staffLogin = staffSecurity.login(accounts);
  const presence = createPresence({ staff: staffRepository });
  const cipher = createContentCipher({
    masterKey,
    keys: { find: conversationRepository.wrappedKey },
  });
  const conversations = createConversationService({ conversations: conversationRepository, settings, cipher, clock });
  // Conversation tools: closing form and private notes.
  const conversationTools = createConversationToolsRepository(db);
  const closingForms = createClosingForms({
    conversations: conversationRepository,
    tools: conversationTools,
    settings,
    cipher,
    clock,
  });
  const notes = createPrivateNotes({ conversations, tools: conversationTools, cipher, clock });
  const readMarks = createReadMarks({ tools: conversationTools, conversations });
  const transfers = createTransfers({
    tools: conversationTools,
    conversations,
    staff: staffRepository,
    activeCounts: conversationRepository.activeCounts,
    presence,
    settings,
    notes,
    audit,
  });
  const intakeMode = createIntakeMode({ repository: settingsRepository, clock });
  const blocks = createVisitorBlocks({
    repository: createVisitorBlockRepository(db),
    conversationRows: conversationRepository,
    conversations,
    hasher: createNetworkHasher(clock),
    audit,
    clock,
  });
  const waitingRoom = createWaitingRoom({ conversations: conversationRepository, presence, settings, clock });

  const { app, routes } = createHttpApp({
    log,
    webRoot: webRoot ?? resolve(import.meta.dirname, '../../dist/web'),
    trustProxy: config.trustProxy,
    visitorPage: async () => (await settings.current()).visitorPage,
  });
  const io = new Server(app.server, {
    maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
    serveClient: false,
    allowRequest: sameOriginHandshake(config.publicUrl),
  });
  const visitorNamespace = io.of(namespaces.visitor);
  const staffNamespace = io.of(namespaces.staff);
  const notifier = createNotifier({ visitors: visitorNamespace, staff: staffNamespace, waitingRoom, log });
  // Optional automatic assignment (comfort): every queue change (a visitor joins, a counselor becomes
  // available, a conversation ends) may let a waiting visitor be given to someone.
  const autoAssignment = createAutoAssignment({
    repository: createAutoAssignRepository(db),
    presence,
    settings,
    clock,
    onAssigned: (conversation) => {
      notifier.conversation(conversation);
      queueChanged();
    },
    log,
  });
  const queueChanged = notifier.queueChanged;
  notifier.queueChanged = () => {
    queueChanged();
    autoAssignment.request();
  };
  const session = createStaffSession({
    accounts,
    secret,
    secureCookies: config.publicUrl?.startsWith('https:') ?? false,
  });

  const absence = createVisitorAbsence({
    namespace: visitorNamespace,
    conversations,
    notifier,
    graceMs: visitorGraceMs,
    log,
  });
  attachVisitorNamespace({
    namespace: visitorNamespace,
    conversations,
    waitingRoom,
    notifier,
    absence,
    staffNamespace,
    log,
    readMarks,
    intakeMode,
    blocks,
    trustProxy: config.trustProxy,
  });
  const supervision = createSupervision({
    repository: createSupervisionRepository(db),
    conversationRows: conversationRepository,
    conversations,
    presence,
    settings,
    waitingRoom,
    audit,
    clock,
    intakeMode,
    blocks,
  });
  broadcastBoard({ namespace: staffNamespace, supervision, notifier });
  const staffRealtime = attachStaffNamespace({
    namespace: staffNamespace,
    visitorNamespace,
    accounts,
    conversations,
    presence,
    settings,
    waitingRoom,
    notifier,
    secret,
    log,
    tools: { closingForms, notes, transfers, readMarks },
    supervision,
    blocks,
  });

  registerHealthRoutes(app, { db });
  registerStatusRoute(app, { settings, waitingRoom, clock, intakeMode });
  registerAuthRoutes(app, {
    accounts,
    login: staffLogin,
    session,
    audit,
    networks: staffSecurity.networks,
    endSessionSockets: (sessionHash) => staffNamespace.in(rooms.session(sessionHash)).disconnectSockets(true),
  });
  registerAccountRoutes(app, {
    security: staffSecurity.security,
    login: staffLogin,
    originOf: loginOrigin(staffSecurity.networks),
    session,
    endOtherSessionSockets: (staffId, keep) => {
      const sockets = staffNamespace.in(rooms.staff(staffId));
      (keep ? sockets.except(rooms.session(keep)) : sockets).disconnectSockets(true);
    },
  });
  registerAdminRoutes(app, {
    accounts,
    settings,
    session,
    audit,
    endStaffSockets: (staffId) => staffNamespace.in(rooms.staff(staffId)).disconnectSockets(true),
    onSettingsChanged: () => {
      notifier.queueChanged();
      staffRealtime.refreshAll().catch((error: unknown) => log.error({ err: error }, 'staff refresh failed'));
    },
  });
  // Canned answers and resource cards (comfort).
  registerCannedAnswerRoutes(app, {
    cannedAnswers: createCannedAnswers({ repository: createCannedAnswerRepository(db), audit, clock }),
    session,
  });
  const retention = createRetentionJob({ conversations: conversationRepository, settings, cipher, clock, log });
  const blockExpiry = createBlockExpiryJob({ purge: blocks.purgeEnded, log });
  const sessionWatch = watchStaffSessions({ namespace: staffNamespace, staff: staffRepository, clock, log });

  return {
    app,
    /** Every HTTP route (method and path), in the order they were registered. */
    routes,
    io,
    db,
    accounts,
    settings,
    audit,
    /** Private notes; supervisors read them through `notes.forSupervisor`. */
    notes,
    databaseKind: database.kind,
    retention,
    autoAssignment,
    /** Troll blocks: tests purge ended ones now. */
    blocks,
    /** Runs the periodic check of live staff sockets against their sessions now. */
    checkStaffSessions: sessionWatch.check,

    async listen(): Promise<string> {
      await app.listen({ port: config.port, host: config.host });
      await absence.watchAllWaiting();
      retention.start();
      blockExpiry.start();
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    },

    async close(): Promise<void> {
      notifier.stop();
      autoAssignment.stop();
      await autoAssignment.settled();
      sessionWatch.stop();
      absence.stop();
      retention.stop();
      blockExpiry.stop();
      io.disconnectSockets(true);
      await io.close();
      await app.close().catch(() => {});
      await database.close();
    },
  };
}

export type Havre = Awaited<ReturnType<typeof createHavre>>;
