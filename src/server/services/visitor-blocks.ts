// Blocking a troll: her conversation ends (reason `blocked`) and, for 24 hours, a new conversation is refused
// from the same tab (the hash of her per-tab token, stored) and from the same network (a short-lived keyed
// hash, held in memory only: never an address at rest). The refusal says nothing of a block (decision 0014).
import { randomUUID } from 'node:crypto';
import { HavreError } from '../../protocol/errors.ts';
import type { VisitorBlockView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow, StaffRow } from '../storage/schema.ts';
import type { VisitorBlockRepository } from '../storage/visitor-block-repository.ts';
import type { AuditLog } from './audit-log.ts';
import type { ConversationService } from './conversations.ts';
import type { NetworkHasher } from './network-hash.ts';
import { requireSupervisor } from './supervision.ts';
import { hashToken } from './tokens.ts';

export const BLOCK_MS = 24 * 60 * 60 * 1000;

interface Origin {
  tabHash: string | null;
  networkHash: string;
  at: number;
}

interface Deps {
  repository: VisitorBlockRepository;
  conversationRows: ConversationRepository;
  conversations: ConversationService;
  hasher: NetworkHasher;
  audit: AuditLog;
  clock: Clock;
}

export function createVisitorBlocks({ repository, conversationRows, conversations, hasher, audit, clock }: Deps) {
  /** Where each recent conversation came from, in memory only, for as long as a block could need it. */
  const origins = new Map<string, Origin>();
  /** Network hashes of live blocks, by block id: in memory only, gone with the process. */
  const networks = new Map<string, { networkHash: string; expiresAt: number }>();

  const prune = (now: number) => {
    for (const [id, origin] of origins) if (now - origin.at > BLOCK_MS) origins.delete(id);
    for (const [id, block] of networks) if (block.expiresAt <= now) networks.delete(id);
  };

  return {
    /** Refuses a newcomer from a blocked tab or network, with the same neutral answer as a paused intake. */
    async admit(tab: string | undefined, address: string): Promise<void> {
      const now = clock.now();
      prune(now.getTime());
      const candidates = new Set(hasher.candidates(address));
      const fromNetwork = [...networks.values()].some((block) => candidates.has(block.networkHash));
      if (fromNetwork || (tab !== undefined && (await repository.tabBlocked(hashToken(tab), now)))) {
        throw new HavreError('INTAKE_PAUSED', 'no new conversation is opened for now');
      }
    },

    /** Remembers where a new conversation came from, should its counselor block it. */
    remember(conversationId: string, tab: string | undefined, address: string): void {
      origins.set(conversationId, {
        tabHash: tab === undefined ? null : hashToken(tab),
        networkHash: hasher.hash(address),
        at: clock.now().getTime(),
      });
    },

    async block(counselor: StaffRow, conversationId: string): Promise<ConversationRow> {
      const current = await conversations.requireAssigned(counselor.id, conversationId);
      if (current.status !== 'active') throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
      const now = clock.now();
      const closed = await conversationRows.close(conversationId, 'blocked', now, counselor.id);
      if (!closed) throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
      const origin = origins.get(conversationId);
      origins.delete(conversationId);
      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + BLOCK_MS);
      await repository.insert({
        id,
        tabHash: origin?.tabHash ?? null,
        blockedBy: counselor.id,
        blockedByName: counselor.display_name,
        createdAt: now,
        expiresAt,
      });
      if (origin) networks.set(id, { networkHash: origin.networkHash, expiresAt: expiresAt.getTime() });
      await audit.record(counselor, 'visitor.blocked', { type: 'block', id }, { conversationId });
      return closed;
    },

    async unblock(supervisor: StaffRow, blockId: string): Promise<void> {
      requireSupervisor(supervisor);
      const lifted = await repository.lift(blockId, supervisor.display_name, clock.now());
      if (!lifted) throw new HavreError('NOT_FOUND', 'no such block in force');
      networks.delete(blockId);
      await audit.record(supervisor, 'visitor.unblocked', { type: 'block', id: blockId });
    },

    /** Deletes the blocks that ended more than a day ago, tab hash and all. */
    purgeEnded: () => repository.removeEndedBefore(new Date(clock.now().getTime() - BLOCK_MS)),

    async active(): Promise<VisitorBlockView[]> {
      return (await repository.active(clock.now())).map((row) => ({
        id: row.id,
        blockedByName: row.blocked_by_name,
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
      }));
    },
  };
}

export type VisitorBlocks = ReturnType<typeof createVisitorBlocks>;
