// Wiring: config → storage → services → HTTP and real time. Tests start whole servers through this.

import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { type DoorLimits, defaultDoorLimits, wideNetworkDoors, withOverrides } from '../core/door-limits.ts';
import { scheduleStatus } from '../core/schedule.ts';
import { namespaces } from '../protocol/events.ts';
import { MAX_SOCKET_FRAME_BYTES } from '../protocol/limits.ts';
import { type Clock, systemClock } from './clock.ts';
import { createClusterBus } from './cluster/cluster-bus.ts';
import { openClusterLink } from './cluster/cluster-link.ts';
import type { Config } from './config.ts';
import { openContentKeys } from './crypto/content-keys.ts';
import { registerAccountRoutes } from './http/account-routes.ts';
import { registerAdminRoutes } from './http/admin-routes.ts';
import { limitApiPerNetwork } from './http/api-limits.ts';
import { createHttpApp } from './http/app.ts';
import { loginOrigin, registerAuthRoutes } from './http/auth-routes.ts';
import { registerCannedAnswerRoutes } from './http/canned-answer-routes.ts';
import { guardConnections } from './http/connection-guard.ts';
import { registerHealthRoutes } from './http/health-routes.ts';
import { sameOriginHandshake } from './http/same-origin.ts';
import { DEFAULT_SERVER_TIMEOUTS, type ServerTimeouts, socketServerOptions } from './http/server-timeouts.ts';
import { createStaffSession } from './http/staff-session.ts';
import { registerStatisticsRoutes } from './http/statistics-routes.ts';
import { registerStatusRoute } from './http/status-route.ts';
import { registerSurveyRoute } from './http/survey-route.ts';
import { createBlockExpiryJob } from './jobs/block-expiry-job.ts';
import { createClosingJob } from './jobs/closing-job.ts';
import { advisoryLeader, soleLeader } from './jobs/leader.ts';
import { createPresenceJob } from './jobs/presence-job.ts';
import { createRetentionJob } from './jobs/retention-job.ts';
import { createStatisticsJob } from './jobs/statistics-job.ts';
import { createAbsenceSweep, visitorsHere } from './realtime/absence-sweep.ts';
import { createCounselorAbsence } from './realtime/counselor-absence.ts';
import { handshakeDoors } from './realtime/handshake-doors.ts';
import { createNotifier } from './realtime/notifier.ts';
import { rooms } from './realtime/rooms.ts';
import { watchStaffSessions } from './realtime/session-watch.ts';
import { attachStaffNamespace } from './realtime/staff-namespace.ts';
import { broadcastBoard } from './realtime/supervision.ts';
import { createVisitorAbsence, DEFAULT_PLACE_KEPT_MS } from './realtime/visitor-absence.ts';
import { attachVisitorNamespace } from './realtime/visitor-namespace.ts';
import { loadOrCreateSecret } from './secret.ts';
import { createAdmissionWork } from './services/admission-work.ts';
import { createAuditLog } from './services/audit-log.ts';
import { createAutoAssignment } from './services/auto-assignment.ts';
import { createCannedAnswers } from './services/canned-answers.ts';
import { createClosingForms } from './services/closing-forms.ts';
import { createConversationService } from './services/conversations.ts';
import { createDoorGuard } from './services/door-guard.ts';
import { createIntakeMode } from './services/intake-mode.ts';
import { createKeptWhispers } from './services/kept-whispers.ts';
import { sharedLoginThrottle } from './services/login-throttle.ts';
import { createNetworkHasher } from './services/network-hash.ts';
import { createPresence } from './services/presence.ts';
import { createPrivateNotes } from './services/private-notes.ts';
import { createRaidMode } from './services/raid-mode.ts';
import { createReadMarks } from './services/read-marks.ts';
import { createRefusalCounts } from './services/refusal-counts.ts';
import { createSettings } from './services/settings.ts';
import { createStaffAccounts } from './services/staff-accounts.ts';
import { createStaffNames } from './services/staff-names.ts';
import {
  observeAutoAssign,
  observeConversations,
  observeConversationTools,
  observeSupervision,
} from './services/statistics-observer.ts';
import { createStatisticsRecorder } from './services/statistics-recorder.ts';
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
import type { DatabaseTimeouts } from './storage/postgres-pool.ts';
import { createSettingsRepository } from './storage/settings-repository.ts';
import { createStaffRepository } from './storage/staff-repository.ts';
import { createStatisticsRepository } from './storage/statistics-repository.ts';
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
  /** Header, request, idle and heartbeat limits over the production ones (tests shorten them). */
  serverTimeouts?: Partial<ServerTimeouts>;
  /** Doors over the defaults (core/door-limits.ts), in both modes; tests from 127.0.0.1 widen the network ones. */
  limits?: Partial<DoorLimits>;
  /** Connect, statement and answer limits for PostgreSQL over the production ones (the fault tests shorten them). */
  databaseTimeouts?: Partial<DatabaseTimeouts>;
}

export async function createHavre(options: HavreOptions) {
  const { config, log, clock = systemClock, webRoot, visitorGraceMs = DEFAULT_PLACE_KEPT_MS } = options;
  const timeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.serverTimeouts };
  // What this node shares with the others (decisions 0028, 0029): nothing on one node; with REDIS_URL, the
  // short-lived store, Socket.IO's fan-out and the notices between nodes.
  const link = await openClusterLink({ redisUrl: config.redisUrl, prefix: config.redisPrefix, clock, log });
  const shortLived = link.store;
  const bus = createClusterBus({ clustered: link.clustered, log });
  const hasher = (name: string) =>
    createNetworkHasher(clock, link.clustered ? { shared: { store: shortLived, name } } : {});
  const networks = hasher('visitors');
  const staffNetworks = hasher('staff');
  // Impact statistics (decision 0027): counted in memory, written every few seconds by their job.
  const statistics = createStatisticsRecorder({ clock });
  const refusals = createRefusalCounts({ store: shortLived, clock, onStart: statistics.refused });
  const limits = withOverrides(defaultDoorLimits, {
    ...(config.limitsPerNetwork ? {} : wideNetworkDoors),
    ...options.limits,
  });
  // Raid mode (created with the settings below) tightens the doors; it is read only once requests arrive.
  const doors = createDoorGuard({ store: shortLived, limits, raidMode: () => raidMode.active(), refusals });
  const database = await openDatabase(
    config.databaseUrl
      ? {
          kind: 'postgres',
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          timeouts: options.databaseTimeouts,
        }
      : { kind: 'pglite', dataDir: config.dataDir },
    log,
  );
  const { db } = database;
  const secret = loadOrCreateSecret(config.secret, config.dataDir);

  const settingsRepository = createSettingsRepository(db);
  const conversationRepository = observeConversations(createConversationRepository(db), statistics);
  const statisticsRepository = createStatisticsRepository(db);
  // The master key and the keyring beside it (decision 0021), both checked against the database.
  const { masterKey, keyring, cipher } = await openContentKeys({
    config,
    settings: settingsRepository,
    conversations: conversationRepository,
    clock,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  // Admission work (decision 0017): its moves show on the supervision board, pushed like a queue change.
  let workMoved = () => {};
  // Raid mode, switched by supervisors: it raises the admission work's floor and tightens the limits.
  const tellSettingsChanged = () => bus.tell({ type: 'settings', consoles: false });
  const raidMode = createRaidMode({ repository: settingsRepository, clock, onChanged: tellSettingsChanged });
  const work = createAdmissionWork({
    raidMode: raidMode.active,
    secret,
    store: shortLived,
    clock,
    rules: config.admissionWorkFloor ? { floor: config.admissionWorkFloor } : {},
    onMoved: () => workMoved(),
    shared: link.clustered,
  });
  const staffRepository = createStaffRepository(db);
  const settings = createSettings({ repository: settingsRepository, clock });
  // Read once now, so that what must answer without the database (the visitor page) has them from the start.
  await settings.current();
  const audit = createAuditLog({ repository: createAuditRepository(db), clock });
  const staffSecurity = createStaffSecurity({
    db,
    staff: staffRepository,
    settings: settingsRepository,
    masterKey,
    secret,
    audit,
    clock,
    networks: staffNetworks,
    ...(link.clustered ? { throttle: sharedLoginThrottle(shortLived, clock) } : {}),
  });
  const accounts = createStaffAccounts({
    staff: staffRepository,
    settings: settingsRepository,
    clock,
    totpEnabledIds: staffSecurity.security.enabledIds,
  });
  const staffLogin = staffSecurity.login(accounts);
  const presence = createPresence({ staff: staffRepository, bus, nodeId: link.nodeId, clock });
  const conversations = createConversationService({
    conversations: conversationRepository,
    settings,
    cipher,
    clock,
    refusals,
  });
  // Conversation tools: closing form and private notes.
  const conversationTools = observeConversationTools(createConversationToolsRepository(db), statistics);
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
  const intakeMode = createIntakeMode({ repository: settingsRepository, clock, onChanged: tellSettingsChanged });
  const blocks = createVisitorBlocks({
    repository: createVisitorBlockRepository(db),
    conversationRows: conversationRepository,
    conversations,
    hasher: networks,
    audit,
    clock,
    shortLived,
  });
  const waitingRoom = createWaitingRoom({ conversations: conversationRepository, presence, settings, clock });

  const { app, routes } = createHttpApp({
    log,
    webRoot: webRoot ?? resolve(import.meta.dirname, '../../dist/web'),
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    visitorPage: () => settings.lastKnown().visitorPage,
    onVisitorPage: () => statistics.visit(scheduleStatus(settings.lastKnown().schedule, clock.now()).open),
    timeouts,
  });
  const connections = guardConnections({
    server: app.server,
    maxConnections: config.maxConnections,
    secret,
  });
  const handshakes = handshakeDoors({ doors, networks, trustProxy: config.trustProxy });
  const io = new Server(app.server, {
    ...socketServerOptions(timeouts),
    maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
    serveClient: false,
    allowRequest: handshakes.allowRequest(sameOriginHandshake(config.publicUrl)),
    ...(link.adapter ? { adapter: link.adapter } : {}),
  });
  io.engine.use(connections.socketHandshake);
  const visitorNamespace = io.of(namespaces.visitor);
  const staffNamespace = io.of(namespaces.staff);
  handshakes.countConnections(visitorNamespace);
  handshakes.countConnections(staffNamespace);
  const staffNames = createStaffNames(staffRepository);
  bus.attach(staffNamespace);
  bus.answerVisitors(() => visitorsHere(visitorNamespace));
  // What other nodes broadcast while this node's subscription was lost never reached its sockets: they reconnect
  // (closing the transport, so that the clients come back by themselves) and catch up by sequence number.
  link.onResubscribed(() => {
    for (const namespace of [visitorNamespace, staffNamespace]) {
      for (const socket of namespace.sockets.values()) socket.conn.close();
    }
  });
  const notifier = createNotifier({
    visitors: visitorNamespace,
    staff: staffNamespace,
    waitingRoom,
    staffNames,
    log,
    bus,
  });
  // Whispers live as long as their conversation (decision 0013): every ending passes through the notifier.
  const whispers = createKeptWhispers(shortLived);
  const tellConversation = notifier.conversation;
  notifier.conversation = (conversation) => {
    if (conversation.status === 'closed') {
      whispers.forget(conversation.id).catch((error: unknown) => log.warn({ err: error }, 'whispers: not forgotten'));
    }
    tellConversation(conversation);
  };
  // Optional automatic assignment (comfort): every queue change (a visitor joins, a counselor becomes
  // available, a conversation ends) may let a waiting visitor be given to someone.
  const autoAssignment = createAutoAssignment({
    repository: observeAutoAssign(createAutoAssignRepository(db), statistics),
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
    conversations: conversationRepository,
    notifier,
    clock,
    placeKeptMs: visitorGraceMs,
    log,
  });
  attachVisitorNamespace({
    work,
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
    doors,
    networks,
    shortLived,
    refusals,
  });
  const supervision = createSupervision({
    repository: observeSupervision(createSupervisionRepository(db), statistics),
    staff: staffRepository,
    conversationRows: conversationRepository,
    conversations,
    presence,
    settings,
    waitingRoom,
    audit,
    clock,
    intakeMode,
    blocks,
    admissionWork: work.view,
    raidMode,
    surgeDetected: work.surging,
    staffNames,
  });
  workMoved = () => notifier.queueChanged();
  broadcastBoard({ namespace: staffNamespace, supervision, notifier });
  const counselorAbsence = createCounselorAbsence({
    conversations: conversationRepository,
    presence,
    notifier,
    clock,
    log,
  });
  const staffRealtime = attachStaffNamespace({
    counselorAbsence,
    staffNames,
    whispers,
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
    tools: { closingForms, notes, transfers, readMarks, staffNames },
    supervision,
    blocks,
    doors,
    clock,
    bus,
  });
  // Settings, intake or raid mode changed on another node: read them again, and refresh this node's consoles.
  bus.on('settings', ({ consoles }) => {
    settings.forget();
    intakeMode.forget();
    raidMode.forget();
    if (consoles) refreshConsolesHere();
  });
  const refreshConsolesHere = () =>
    staffRealtime.refreshHere().catch((error: unknown) => log.error({ err: error }, 'staff refresh failed'));
  // Retention destroyed keys on the leader: every node drops them from memory.
  const forgetKeysHere = cipher.forget;
  cipher.forget = (conversationIds) => {
    forgetKeysHere(conversationIds);
    bus.tell({ type: 'keys-destroyed', conversationIds: [...conversationIds] });
  };
  bus.on('keys-destroyed', ({ conversationIds }) => forgetKeysHere(conversationIds));

  limitApiPerNetwork(app, { doors, networks });
  registerHealthRoutes(app, { db });
  registerSurveyRoute(app, { conversations: conversationRepository, shortLived, statistics });
  registerStatisticsRoutes(app, {
    session,
    settings,
    repository: statisticsRepository,
    flush: () => statisticsJob.flush(),
  });
  registerStatusRoute(app, { settings, waitingRoom, clock, intakeMode, raidMode });
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
      bus.tell({ type: 'settings', consoles: true });
      notifier.queueChanged();
      refreshConsolesHere();
    },
  });
  // Canned answers and resource cards (comfort).
  registerCannedAnswerRoutes(app, {
    cannedAnswers: createCannedAnswers({ repository: createCannedAnswerRepository(db), audit, clock }),
    session,
  });
  // The jobs that change the database run on one node: the holder of PostgreSQL's advisory lock (decision 0028).
  const leadership =
    database.kind === 'postgres' && config.databaseUrl
      ? advisoryLeader({ url: config.databaseUrl, log })
      : soleLeader();
  const leader = leadership.isLeader;
  const retention = createRetentionJob({
    conversations: conversationRepository,
    settings,
    settingsStore: settingsRepository,
    cipher,
    keyring,
    clock,
    log,
    leader,
  });
  const closingJob = createClosingJob({
    conversations: conversationRepository,
    settings,
    notifier,
    clock,
    log,
    leader,
  });
  const statisticsJob = createStatisticsJob({
    recorder: statistics,
    repository: statisticsRepository,
    presence,
    conversations: conversationRepository,
    settings,
    store: shortLived,
    clock,
    log,
  });
  const presenceJob = createPresenceJob({
    repository: conversationRepository,
    conversations,
    settings,
    notifier,
    audit,
    clock,
    log,
    leader,
  });
  const absenceSweep = link.clustered
    ? createAbsenceSweep({
        visitors: visitorNamespace,
        bus,
        presence,
        conversations: conversationRepository,
        notifier,
        clock,
        placeKeptMs: visitorGraceMs,
        log,
        leader,
      })
    : null;
  const blockExpiry = createBlockExpiryJob({ purge: blocks.purgeEnded, log, leader });
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
    /** Open connections and the staff-reserve check (decision 0020). */
    connections,
    retention,
    closing: closingJob,
    /** Hands back conversations whose counselor is gone, ends those whose visitor is (decision 0026). */
    presenceJob,
    /** Cluster mode only: the leader's sweep of absence marks against the sockets of every node. */
    absenceSweep,
    /** Whether this node runs the database jobs (the advisory lock's holder on PostgreSQL). */
    leadership,
    /** Impact statistics: the recorder, and its job (flush, sample) for the tests. */
    statistics,
    statisticsJob,
    autoAssignment,
    /** Raid mode: `raidMode.active()` is what the admission work and the limits read. */
    raidMode,
    /** Refusals by reason and door, hourly, memory only. */
    refusals,
    /** Troll blocks: tests purge ended ones now. */
    blocks,
    /** What is held per connection now, for the churn benchmark (bench/churn.ts). */
    heldCounts: () => ({
      connections: connections.open(),
      engineClients: io.engine.clientsCount,
      visitorSockets: visitorNamespace.sockets.size,
      staffSockets: staffNamespace.sockets.size,
      visitorRooms: visitorNamespace.adapter.rooms.size,
      staffRooms: staffNamespace.adapter.rooms.size,
    }),
    /** Runs the periodic check of live staff sockets against their sessions now. */
    checkStaffSessions: sessionWatch.check,

    /** Admission work: its difficulty, and a tick now (the timer ticks every 10 s). */
    work,

    async listen(): Promise<string> {
      // No console is connected before this node listens: each counselor is away until hers reconnects. Not
      // so in a cluster, where the others hold consoles and tabs: the leader's sweep keeps the marks there.
      if (!link.clustered) await counselorAbsence.markAllAbsent();
      await app.listen({ port: config.port, host: config.host });
      if (!link.clustered) await absence.watchAllWaiting();
      await Promise.all([networks.start(), staffNetworks.start()]);
      presence.start();
      await leadership.start();
      presenceJob.start();
      statisticsJob.start();
      retention.start();
      closingJob.start();
      blockExpiry.start();
      absenceSweep?.start();
      work.start();
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
      closingJob.stop();
      presenceJob.stop();
      await statisticsJob.stop();
      counselorAbsence.stop();
      blockExpiry.stop();
      absenceSweep?.stop();
      await leadership.stop();
      work.stop();
      presence.stop();
      networks.stop();
      staffNetworks.stop();
      io.disconnectSockets(true);
      await io.close();
      await app.close().catch(() => {});
      // Last of what the sockets use: their disconnections still count down gauges in the store.
      await link.close();
      raidMode.stop();
      await database.close();
    },
  };
}

export type Havre = Awaited<ReturnType<typeof createHavre>>;
