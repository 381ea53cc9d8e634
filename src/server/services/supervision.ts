// The supervision use cases: the live board, reading a conversation silently, whispering to its counselor,
// taking a conversation over, reading the transcript of one that ended (audited).
// Each starts with the access check: only supervisors and admins oversee the desk.
import { boardStaffAndConversations, mayOversee, takeOverNotice } from '../../core/supervision.ts';
import { locales } from '../../protocol/constants.ts';
import { HavreError } from '../../protocol/errors.ts';
import type {
  ClosedConversationView,
  IntakeMode,
  IntakeModeView,
  SupervisionBoardView,
  VisitorBlockView,
  WatchedConversationView,
  WhisperView,
} from '../../protocol/views.ts';
import type { AdmissionWorkView } from '../../protocol/work.ts';
import type { Clock } from '../clock.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow, StaffRow } from '../storage/schema.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';
import type { SupervisionRepository } from '../storage/supervision-repository.ts';
import type { AuditLog } from './audit-log.ts';
import type { ConversationService, SentMessage } from './conversations.ts';
import type { IntakeModeService } from './intake-mode.ts';
import type { Presence } from './presence.ts';
import type { RaidModeService } from './raid-mode.ts';
import type { SettingsService } from './settings.ts';
import type { StaffNames } from './staff-names.ts';
import { toStaffConversationView, toStaffMessageViews } from './views.ts';
import { toQueueView, type WaitingRoom } from './waiting-room.ts';

interface Deps {
  repository: SupervisionRepository;
  staff: Pick<StaffRepository, 'byIds'>;
  conversationRows: ConversationRepository;
  conversations: ConversationService;
  presence: Presence;
  settings: SettingsService;
  waitingRoom: WaitingRoom;
  audit: AuditLog;
  clock: Clock;
  intakeMode: IntakeModeService;
  blocks: { active(): Promise<VisitorBlockView[]> };
  /** The admission work's difficulty and why it moved. */
  admissionWork: () => AdmissionWorkView;
  raidMode: RaidModeService;
  /** A surge of new conversations is detected (the admission-work controller): suggest raid mode. */
  surgeDetected?: () => boolean;
  staffNames: StaffNames;
}

const RECENTLY_CLOSED_MS = 24 * 60 * 60 * 1000;
const RECENTLY_CLOSED_LIMIT = 50;

export function requireSupervisor(staff: StaffRow): void {
  if (!mayOversee(staff.role)) throw new HavreError('FORBIDDEN', 'supervisors and admins only');
}

export function createSupervision(deps: Deps) {
  const { repository, conversationRows, conversations, presence, settings, waitingRoom, audit, clock, intakeMode } =
    deps;
  const { blocks, raidMode, surgeDetected = () => false } = deps;

  /** A conversation still going on: waiting or active. A closed one is read through transcripts, not here. */
  async function live(conversationId: string) {
    const conversation = await conversationRows.byId(conversationId);
    if (!conversation) throw new HavreError('NOT_FOUND', 'no such conversation');
    if (conversation.status === 'closed') throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
    return conversation;
  }

  /** The conversation, the name of whoever holds (or held) it, and every message so far. */
  async function transcriptOf(conversation: ConversationRow): Promise<WatchedConversationView> {
    const [messages, counselorName] = await Promise.all([
      conversations.history(conversation.id, 0),
      conversation.counselor_id ? repository.displayName(conversation.counselor_id) : null,
    ]);
    return {
      conversation: toStaffConversationView(conversation),
      counselorName,
      messages: await toStaffMessageViews(messages, deps.staffNames),
    };
  }

  return {
    /** The board as it is now; built for all supervisors at once, so it takes no viewer. */
    async board(): Promise<SupervisionBoardView> {
      const [snapshot, { maxConversationsPerCounselor, presence: times }, active, intake, activeBlocks, raid] =
        await Promise.all([
          waitingRoom.snapshot(),
          settings.current(),
          repository.activeConversations(),
          intakeMode.current(),
          blocks.active(),
          raidMode.current(),
        ]);
      const online = presence.online();
      const rows = new Map((await deps.staff.byIds(online.map((o) => o.staffId))).map((row) => [row.id, row]));
      const people = online.flatMap(({ staffId, status }) => {
        const row = rows.get(staffId);
        return row ? [{ id: staffId, displayName: row.display_name, role: row.role, status }] : [];
      });
      const queue = toQueueView(snapshot);
      return {
        waiting: queue.waiting,
        oldestWaitingSince: queue.oldestWaitingSince,
        ...boardStaffAndConversations(people, active, maxConversationsPerCounselor),
        intake,
        blocks: activeBlocks,
        admissionWork: deps.admissionWork(),
        serverTime: clock.now().toISOString(),
        raid: { ...raid, suggested: !raid.on && surgeDetected() },
        counselorFlagSeconds: times.counselorFlagSeconds,
      };
    },

    /** Opens a silent read: the history so far. The caller says whether this starts a new watch (audited). */
    async watch(supervisor: StaffRow, conversationId: string, firstTime: boolean): Promise<WatchedConversationView> {
      requireSupervisor(supervisor);
      const conversation = await live(conversationId);
      if (firstTime) {
        await audit.record(supervisor, 'conversation.watched', { type: 'conversation', id: conversationId });
      }
      return transcriptOf(conversation);
    },

    /** Conversations that ended in the last 24 hours and may still be read (their content is not purged). */
    async recentlyClosed(supervisor: StaffRow): Promise<ClosedConversationView[]> {
      requireSupervisor(supervisor);
      return repository.recentlyClosed(new Date(clock.now().getTime() - RECENTLY_CLOSED_MS), RECENTLY_CLOSED_LIMIT);
    },

    /** The transcript of an ended conversation, for a supervisor; every reading is in the audit log. */
    async readClosed(supervisor: StaffRow, conversationId: string): Promise<WatchedConversationView> {
      requireSupervisor(supervisor);
      const conversation = await conversationRows.byId(conversationId);
      if (!conversation) throw new HavreError('NOT_FOUND', 'no such conversation');
      if (conversation.status !== 'closed') {
        throw new HavreError('CONVERSATION_NOT_ENDED', 'this conversation is still going on: read it live');
      }
      if (conversation.purged_at) throw new HavreError('CONTENT_DELETED', 'this conversation has been deleted');
      await audit.record(supervisor, 'transcript.read', { type: 'conversation', id: conversationId });
      return transcriptOf(conversation);
    },

    /**
     * The supervisor becomes the counselor of an active conversation. Her own conversation limit does not
     * apply: taking over is stepping in, and must never be refused because she is busy (decision 0014). The
     * visitor gets a neutral notice in her language; nothing she wrote is lost (the conversation is the same).
     */
    async takeOver(
      supervisor: StaffRow,
      conversationId: string,
    ): Promise<{ conversation: ConversationRow; previousCounselorId: string | null; notice: SentMessage | null }> {
      requireSupervisor(supervisor);
      const current = await live(conversationId);
      if (current.status !== 'active' || !current.counselor_id) {
        throw new HavreError('NOT_ASSIGNED', 'nobody holds this conversation yet: take it from the queue');
      }
      if (current.counselor_id === supervisor.id) {
        return { conversation: current, previousCounselorId: null, notice: null };
      }
      const previousCounselorId = current.counselor_id;
      const conversation = await repository.reassign(conversationId, previousCounselorId, supervisor.id);
      // Ended or handed to someone else in between: say so rather than take it from whoever holds it now.
      if (!conversation) throw new HavreError('CONVERSATION_CLOSED', 'this conversation changed meanwhile');
      await audit.record(
        supervisor,
        'conversation.taken_over',
        { type: 'conversation', id: conversationId },
        { fromCounselorId: previousCounselorId },
      );
      const locale = locales.find((known) => known === conversation.locale) ?? 'fr';
      const notice = await conversations.noticeIfOpen(conversationId, takeOverNotice[locale]);
      const now = notice?.conversation ?? (await conversations.byId(conversationId)) ?? conversation;
      return { conversation: now, previousCounselorId, notice };
    },

    /** Pauses intake, closes the queue or opens it again; the message is for visitors, not for the audit log. */
    async setIntakeMode(supervisor: StaffRow, mode: IntakeMode, message: string | null): Promise<IntakeModeView> {
      requireSupervisor(supervisor);
      const view = await intakeMode.set(supervisor, mode, message);
      await audit.record(supervisor, 'settings.changed', { type: 'settings', id: 'intake-mode' }, { mode });
      return view;
    },

    /** Raid mode on or off, audited (without the public message: the audit keeps no free text). */
    async setRaidMode(supervisor: StaffRow, on: boolean, message: string | null) {
      requireSupervisor(supervisor);
      const view = await raidMode.set(supervisor, on, message);
      await audit.record(supervisor, on ? 'raid_mode.on' : 'raid_mode.off', { type: 'settings', id: 'raid-mode' });
      return view;
    },

    /**
     * Ends every waiting conversation that arrived in the window (a raid wave), or only counts them (preview).
     * The window ends where the preview fixed it (never in the future, never more than ten minutes back), so a
     * woman who arrives while the supervisor reads the count is not ended. Audited with the count only.
     */
    async endWave(
      supervisor: StaffRow,
      wave: { withinMinutes: number; includeUrgent: boolean; preview: boolean; until?: string | undefined },
    ) {
      requireSupervisor(supervisor);
      const now = clock.now();
      const asked = wave.until ? new Date(wave.until).getTime() : now.getTime();
      const until = new Date(Math.min(now.getTime(), Math.max(asked, now.getTime() - 10 * 60_000)));
      const from = new Date(until.getTime() - wave.withinMinutes * 60_000);
      const range = { from, until, includeUrgent: wave.includeUrgent };
      const result = await conversationRows.endWaiting(range, wave.preview ? null : now);
      if (!wave.preview) {
        await audit.record(
          supervisor,
          'raid.wave_ended',
          { type: 'settings', id: 'raid-wave' },
          { count: result.count, withinMinutes: wave.withinMinutes, includeUrgent: wave.includeUrgent },
        );
      }
      return { count: result.count, until: until.toISOString(), ended: result.ended };
    },

    /** A whisper to the counselor of an active conversation, to be delivered to her alone. */
    async whisper(
      supervisor: StaffRow,
      conversationId: string,
      clientId: string,
      text: string,
    ): Promise<{ counselorId: string; whisper: WhisperView }> {
      requireSupervisor(supervisor);
      const conversation = await live(conversationId);
      if (conversation.status !== 'active' || !conversation.counselor_id) {
        throw new HavreError('NOT_ASSIGNED', 'nobody holds this conversation yet');
      }
      return {
        counselorId: conversation.counselor_id,
        whisper: {
          conversationId,
          clientId,
          fromName: supervisor.display_name,
          text,
          sentAt: clock.now().toISOString(),
        },
      };
    },
  };
}

export type Supervision = ReturnType<typeof createSupervision>;
