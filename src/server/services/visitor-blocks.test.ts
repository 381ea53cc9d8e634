import { describe, expect, it } from 'vitest';
import { HavreError } from '../../protocol/errors.ts';
import { createMemoryStore } from '../short-lived/memory-store.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { ConversationRow, StaffRow, VisitorBlockRow } from '../storage/schema.ts';
import type { VisitorBlockRepository } from '../storage/visitor-block-repository.ts';
import type { AuditLog } from './audit-log.ts';
import type { ConversationService } from './conversations.ts';
import { createNetworkHasher } from './network-hash.ts';
import { BLOCK_MS, createVisitorBlocks } from './visitor-blocks.ts';

const counselor = { id: 'c1', display_name: 'Camille', role: 'counselor' } as StaffRow;
const supervisor = { id: 's1', display_name: 'Sophie', role: 'supervisor' } as StaffRow;
const TAB = '0190c7e2-1111-7000-8000-000000000001';

/** The blocks service over in-memory fakes of its repositories, with a clock the test moves. */
function setUp() {
  let now = new Date('2026-12-02T13:30:00Z').getTime();
  const clock = { now: () => new Date(now) };
  const rows: VisitorBlockRow[] = [];
  const audited: string[] = [];
  const conversation = { id: 'conv-1', status: 'active', counselor_id: 'c1' } as ConversationRow;
  const repository = {
    insert: async (row) => {
      const stored = {
        id: row.id,
        tab_hash: row.tabHash,
        blocked_by: row.blockedBy,
        blocked_by_name: row.blockedByName,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
        lifted_at: null,
        lifted_by_name: null,
      };
      rows.push(stored);
      return stored;
    },
    tabBlocked: async (hash, at) => rows.some((r) => r.tab_hash === hash && !r.lifted_at && r.expires_at > at),
    active: async (at) => rows.filter((r) => !r.lifted_at && r.expires_at > at),
    lift: async (id, name, at) => {
      const row = rows.find((r) => r.id === id && !r.lifted_at && r.expires_at > at);
      if (row) Object.assign(row, { lifted_at: at, lifted_by_name: name });
      return row;
    },
    removeEndedBefore: async (cutoff) => {
      for (const row of rows.filter((r) => r.expires_at < cutoff)) rows.splice(rows.indexOf(row), 1);
    },
  } satisfies VisitorBlockRepository;
  const blocks = createVisitorBlocks({
    repository,
    conversationRows: {
      close: async () => ({ ...conversation, status: 'closed', closed_reason: 'blocked' }),
    } as unknown as ConversationRepository,
    conversations: {
      requireAssigned: async (staffId: string) => {
        if (staffId !== conversation.counselor_id) throw new HavreError('NOT_ASSIGNED');
        return conversation;
      },
    } as unknown as ConversationService,
    hasher: createNetworkHasher(clock),
    audit: { record: async (_actor: unknown, action: string) => void audited.push(action) } as unknown as AuditLog,
    clock,
    shortLived: createMemoryStore({ clock }),
  });
  return { blocks, rows, audited, advance: (ms: number) => (now += ms) };
}

const refused = { code: 'INTAKE_PAUSED' };

describe('visitor blocks', () => {
  it('refuses the same tab from anywhere for 24 hours, but not her network after a first block', async () => {
    const { blocks, rows, advance } = setUp();
    await blocks.remember('conv-1', TAB, '203.0.113.7');
    await blocks.block(counselor, 'conv-1');
    expect(rows[0]?.tab_hash).not.toBe(TAB);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');

    await expect(blocks.admit(TAB, '198.51.100.9')).rejects.toMatchObject(refused);
    // The woman on the same carrier address or home wifi, in another tab, is let in.
    await expect(blocks.admit(undefined, '203.0.113.7')).resolves.toBeUndefined();
    await expect(blocks.admit('0190c7e2-1111-7000-8000-000000000002', '203.0.113.7')).resolves.toBeUndefined();

    advance(BLOCK_MS);
    await expect(blocks.admit(TAB, '203.0.113.7')).resolves.toBeUndefined();
  });

  it('refuses a network briefly once blocks from it repeat, longer as they go on', async () => {
    const { blocks, advance } = setUp();
    await blocks.remember('conv-1', TAB, '203.0.113.7');
    await blocks.block(counselor, 'conv-1');
    await blocks.remember('conv-2', undefined, '203.0.113.7');
    await blocks.block(counselor, 'conv-2');
    await expect(blocks.admit(undefined, '203.0.113.7')).rejects.toMatchObject(refused);
    await expect(blocks.admit(undefined, '198.51.100.9')).resolves.toBeUndefined();
    advance(10 * 60 * 1000);
    await expect(blocks.admit(undefined, '203.0.113.7')).resolves.toBeUndefined();

    await blocks.remember('conv-3', undefined, '203.0.113.7');
    await blocks.block(counselor, 'conv-3');
    advance(20 * 60 * 1000);
    // A third block within the half-life: refused for 30 minutes, not 10.
    await expect(blocks.admit(undefined, '203.0.113.7')).rejects.toMatchObject(refused);
    advance(10 * 60 * 1000);
    await expect(blocks.admit(undefined, '203.0.113.7')).resolves.toBeUndefined();
  });

  it('lets only her counselor block, once, and only a supervisor lift it', async () => {
    const { blocks, audited } = setUp();
    await blocks.remember('conv-1', TAB, '203.0.113.7');
    await expect(blocks.block(supervisor, 'conv-1')).rejects.toMatchObject({ code: 'NOT_ASSIGNED' });
    await blocks.block(counselor, 'conv-1');
    const [block] = await blocks.active();
    expect(block).toMatchObject({ blockedByName: 'Camille' });
    await expect(blocks.unblock(counselor, block?.id ?? '')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await blocks.unblock(supervisor, block?.id ?? '');
    await expect(blocks.admit(TAB, '203.0.113.7')).resolves.toBeUndefined();
    await expect(blocks.unblock(supervisor, block?.id ?? '')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(audited).toEqual(['visitor.blocked', 'visitor.unblocked']);
  });

  it('still blocks the tab when the network of the conversation is not known (after a restart)', async () => {
    const { blocks } = setUp();
    await blocks.block(counselor, 'conv-1');
    await expect(blocks.admit(undefined, '203.0.113.7')).resolves.toBeUndefined();
  });

  it('deletes a block with its tab hash a day after it ended, not before', async () => {
    const { blocks, rows, advance } = setUp();
    await blocks.remember('conv-1', TAB, '203.0.113.7');
    await blocks.block(counselor, 'conv-1');
    advance(2 * BLOCK_MS - 1000);
    await blocks.purgeEnded();
    expect(rows).toHaveLength(1);
    advance(2000);
    await blocks.purgeEnded();
    expect(rows).toEqual([]);
  });
});
