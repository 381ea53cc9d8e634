// Blocking a troll: her conversation ends (reason `blocked`) and, for 24 hours, a new conversation is refused
// from the same tab (the hash of her per-tab token, stored). Her network (a short-lived keyed hash, held in the
// short-lived store only: never an address at rest) is refused only when blocks from it repeat, briefly and
// decaying (core/network-refusal.ts), because a carrier, a shelter or the victim's own wifi may share it
// (decision 0019). The refusal says nothing of a block (decision 0014).
import { randomUUID } from 'node:crypto';
import { decayedWeight, type NetworkStrikes, STRIKE_MEMORY_MS, strikeNetwork } from '../../core/network-refusal.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { VisitorBlockView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';
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
}

/** Short-lived store keys: where a conversation came from, a network's past blocks, its refusal, a block's network. */
const keys = {
  origin: (conversationId: string) => `block:origin:${conversationId}`,
  strikes: (networkHash: string) => `block:strikes:${networkHash}`,
  refused: (networkHash: string) => `block:refused:${networkHash}`,
  network: (blockId: string) => `block:network:${blockId}`,
};

function parseStrikes(stored: string | null): NetworkStrikes | null {
  if (stored === null) return null;
  const value = JSON.parse(stored) as Partial<NetworkStrikes>;
  return typeof value.weight === 'number' && typeof value.at === 'number'
    ? { weight: value.weight, at: value.at }
    : null;
}

interface Deps {
  repository: VisitorBlockRepository;
  conversationRows: ConversationRepository;
  conversations: ConversationService;
  hasher: NetworkHasher;
  audit: AuditLog;
  clock: Clock;
  /** Origins, strikes and refusals live here, each with its expiry (bounded; gone with the process). */
  shortLived: ShortLivedStore;
}

export function createVisitorBlocks({
  repository,
  conversationRows,
  conversations,
  hasher,
  audit,
  clock,
  shortLived,
}: Deps) {
  /** One more block from this network: its weight grows (decaying) and it may be refused for a while. */
  async function strike(networkHash: string, blockId: string, now: number): Promise<void> {
    const before = parseStrikes(await shortLived.read(keys.strikes(networkHash)));
    const { strikes, refuseMs } = strikeNetwork(before, now);
    await shortLived.put(keys.strikes(networkHash), JSON.stringify(strikes), STRIKE_MEMORY_MS);
    await shortLived.put(keys.network(blockId), networkHash, BLOCK_MS);
    if (refuseMs > 0) await shortLived.put(keys.refused(networkHash), blockId, refuseMs);
  }

  /** A lifted block was a mistake: its network is let in again and the block no longer counts against it. */
  async function forgive(blockId: string): Promise<void> {
    const networkHash = await shortLived.read(keys.network(blockId));
    if (networkHash === null) return;
    await shortLived.remove(keys.network(blockId));
    await shortLived.remove(keys.refused(networkHash));
    const now = clock.now().getTime();
    const weight = decayedWeight(parseStrikes(await shortLived.read(keys.strikes(networkHash))), now) - 1;
    if (weight > 0)
      await shortLived.put(keys.strikes(networkHash), JSON.stringify({ weight, at: now }), STRIKE_MEMORY_MS);
    else await shortLived.remove(keys.strikes(networkHash));
  }

  return {
    /** Refuses a newcomer from a blocked tab or network, with the same neutral answer as a paused intake. */
    async admit(tab: string | undefined, address: string): Promise<void> {
      const now = clock.now();
      const refusals = await Promise.all(hasher.candidates(address).map((hash) => shortLived.read(keys.refused(hash))));
      const fromNetwork = refusals.some((refusal) => refusal !== null);
      if (fromNetwork || (tab !== undefined && (await repository.tabBlocked(hashToken(tab), now)))) {
        throw new HavreError('INTAKE_PAUSED', 'no new conversation is opened for now');
      }
    },

    /** Remembers where a new conversation came from, should its counselor block it. */
    async remember(conversationId: string, tab: string | undefined, address: string): Promise<void> {
      const origin: Origin = { tabHash: tab === undefined ? null : hashToken(tab), networkHash: hasher.hash(address) };
      await shortLived.put(keys.origin(conversationId), JSON.stringify(origin), BLOCK_MS);
    },

    async block(counselor: StaffRow, conversationId: string): Promise<ConversationRow> {
      const current = await conversations.requireAssigned(counselor.id, conversationId);
      if (current.status !== 'active') throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
      const now = clock.now();
      const closed = await conversationRows.close(conversationId, 'blocked', now, counselor.id);
      if (!closed) throw new HavreError('CONVERSATION_CLOSED', 'this conversation has ended');
      const stored = await shortLived.read(keys.origin(conversationId));
      await shortLived.remove(keys.origin(conversationId));
      const origin = stored === null ? null : (JSON.parse(stored) as Origin);
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
      if (origin) await strike(origin.networkHash, id, now.getTime());
      await audit.record(counselor, 'visitor.blocked', { type: 'block', id }, { conversationId });
      return closed;
    },

    async unblock(supervisor: StaffRow, blockId: string): Promise<void> {
      requireSupervisor(supervisor);
      const lifted = await repository.lift(blockId, supervisor.display_name, clock.now());
      if (!lifted) throw new HavreError('NOT_FOUND', 'no such block in force');
      await forgive(blockId);
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
