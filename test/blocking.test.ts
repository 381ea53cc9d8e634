// Blocking a troll over real sockets, against PGlite and PostgreSQL: the conversation ends, the same tab is
// refused for 24 hours with a neutral answer; her network only once blocks from it repeat, briefly (decision
// 0019); supervisors see and lift blocks; nothing of an address is stored.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SupervisionBoardView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

describe.each(kinds)('blocking on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available, env: { TRUST_PROXY: 'true' } });
  const track = suite.track;

  it.skipIf(!available)('refuses the same tab for 24 h, not her network after a first block', async () => {
    const counselor = track(await aCounselor(suite.server));
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    await supervisor.ask('supervision:board');
    const tab = randomUUID();
    const troll = track(await aVisitor(suite.server, from('203.0.113.7')));
    expect((await troll.ask('conversation:start', { tab })).ok).toBe(true);
    const taken = await counselor.ask('queue:take-next');
    const conversationId = taken.conversation.id;

    const blocked = await counselor.ask('conversation:block', { conversationId });
    // No closing form is owed for a troll: the form's categories count real conversations.
    expect(blocked).toMatchObject({
      ok: true,
      conversation: { status: 'closed', closedReason: 'blocked', formDue: false },
    });
    // The visitor is told the counselor ended it: no word of a block.
    const seen = await troll.next('conversation:state', (s: any) => s.status === 'closed');
    expect(seen.closedReason).toBe('served');

    const neutral = { ok: false, error: { code: 'INTAKE_PAUSED' } };
    const sameTabOtherNetwork = track(await aVisitor(suite.server, from('198.51.100.9')));
    expect(await sameTabOtherNetwork.ask('conversation:start', { tab })).toMatchObject(neutral);
    // The woman who shares her network (a carrier's address, the home wifi) is let in after one block.
    const sameNetworkNewTab = track(await aVisitor(suite.server, from('203.0.113.7')));
    expect((await sameNetworkNewTab.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
    const someoneElse = track(await aVisitor(suite.server, from('198.51.100.9')));
    expect((await someoneElse.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);

    const board = await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) => b.blocks.length === 1);
    const [block] = board.blocks;
    expect(block).toMatchObject({ blockedByName: expect.stringMatching(/^Counselor/) });
    expect(Date.parse(block?.expiresAt ?? '') - Date.parse(block?.createdAt ?? '')).toBe(24 * 60 * 60 * 1000);

    // Nothing stored holds the address.
    const stored = await sql<Record<string, unknown>>`select * from visitor_blocks`.execute(suite.server.havre.db);
    expect(JSON.stringify(stored.rows)).not.toMatch(/203\.0\.113|198\.51\.100/);
    expect(stored.rows.map((row) => row.tab_hash)).not.toContain(tab);

    // Once the block is over (a week on, at the same opening hour) the same tab and network are let in again.
    suite.server.clock.advance(7 * 24 * 60 * 60 * 1000);
    const later = track(await aVisitor(suite.server, from('203.0.113.7')));
    expect((await later.ask('conversation:start', { tab })).ok).toBe(true);
    // A day after it ended, the block and its tab hash are deleted.
    await suite.server.havre.blocks.purgeEnded();
    const left = await sql`select id from visitor_blocks`.execute(suite.server.havre.db);
    expect(left.rows).toEqual([]);
  });

  it.skipIf(!available)('refuses a network for 10 minutes once two blocks come from it', async () => {
    const counselor = track(await aCounselor(suite.server));
    for (let round = 0; round < 2; round++) {
      const troll = track(await aVisitor(suite.server, from('203.0.113.7')));
      expect((await troll.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
      const { conversation } = await counselor.ask('queue:take-next');
      expect((await counselor.ask('conversation:block', { conversationId: conversation.id })).ok).toBe(true);
    }
    const neutral = { ok: false, error: { code: 'INTAKE_PAUSED' } };
    const sameNetwork = track(await aVisitor(suite.server, from('203.0.113.7')));
    expect(await sameNetwork.ask('conversation:start', { tab: randomUUID() })).toMatchObject(neutral);
    const elsewhere = track(await aVisitor(suite.server, from('198.51.100.9')));
    expect((await elsewhere.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
    suite.server.clock.advance(10 * 60 * 1000);
    const later = track(await aVisitor(suite.server, from('203.0.113.7')));
    expect((await later.ask('conversation:start', { tab: randomUUID() })).ok).toBe(true);
  });

  it.skipIf(!available)('lets supervisors lift a block, audited; a counselor may not', async () => {
    const counselor = track(await aCounselor(suite.server));
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const tab = randomUUID();
    const troll = track(await aVisitor(suite.server, from('203.0.113.7')));
    await troll.ask('conversation:start', { tab });
    const { conversation } = await counselor.ask('queue:take-next');
    expect(await supervisor.ask('conversation:block', { conversationId: conversation.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ASSIGNED' },
    });
    await counselor.ask('conversation:block', { conversationId: conversation.id });
    expect(await counselor.ask('conversation:block', { conversationId: conversation.id })).toMatchObject({
      ok: false,
      error: { code: 'CONVERSATION_CLOSED' },
    });
    const { board } = await supervisor.ask('supervision:board');
    const blockId = board.blocks[0].id;

    expect(await counselor.ask('supervision:unblock', { blockId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await supervisor.ask('supervision:unblock', { blockId })).toEqual({ ok: true });
    expect(await supervisor.ask('supervision:unblock', { blockId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const back = track(await aVisitor(suite.server, from('203.0.113.7')));
    expect((await back.ask('conversation:start', { tab })).ok).toBe(true);

    const audit = await suite.server.havre.audit.list({ limit: 50 });
    expect(audit.filter((e) => e.action.startsWith('visitor.')).map((e) => [e.action, e.actorId, e.targetId])).toEqual([
      ['visitor.unblocked', supervisor.id, blockId],
      ['visitor.blocked', counselor.id, blockId],
    ]);
  });
});
