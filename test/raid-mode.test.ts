// Raid mode over real sockets, against PGlite and PostgreSQL: supervisors switch it on and off (audited, no
// message text in the audit), the board and `active()` show it, visitors read its public line in the status,
// and a counselor is refused.
import { describe, expect, it } from 'vitest';
import type { SupervisionBoardView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('raid mode on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });
  const track = suite.track;

  it.skipIf(!available)('is switched by supervisors, audited, on the board and in the status', async () => {
    const counselor = track(await aCounselor(suite.server));
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const { board } = await supervisor.ask('supervision:board');
    expect(board.raid).toEqual({ on: false, message: null, setByName: null, since: null, suggested: false });
    expect(suite.server.havre.raidMode.active()).toBe(false);

    expect(await counselor.ask('supervision:raid-mode', { on: true, message: null })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const on = await supervisor.ask('supervision:raid-mode', { on: true, message: 'Nous répondons dès que possible.' });
    expect(on).toMatchObject({ ok: true, raid: { on: true, message: 'Nous répondons dès que possible.' } });
    expect(suite.server.havre.raidMode.active()).toBe(true);
    const seen = await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) => b.raid.on);
    expect(seen.raid).toMatchObject({ setByName: expect.stringMatching(/^Counselor/), suggested: false });

    const status = await (await fetch(`${suite.server.url}/api/status`)).json();
    expect(status.status.admission).toMatchObject({ paused: false, message: 'Nous répondons dès que possible.' });

    expect(await supervisor.ask('supervision:raid-mode', { on: false, message: null })).toMatchObject({
      ok: true,
      raid: { on: false },
    });
    expect(suite.server.havre.raidMode.active()).toBe(false);
    const after = await (await fetch(`${suite.server.url}/api/status`)).json();
    expect(after.status.admission.message).toBeUndefined();

    const audit = await suite.server.havre.audit.list({ limit: 50 });
    const raid = audit.filter((e) => e.action.startsWith('raid_mode.'));
    expect(raid.map((e) => [e.action, e.actorId])).toEqual([
      ['raid_mode.off', supervisor.id],
      ['raid_mode.on', supervisor.id],
    ]);
    expect(JSON.stringify(raid)).not.toContain('possible');
  });

  it.skipIf(!available)('ends exactly the waiting conversations of the window, audited with the count', async () => {
    const counselor = track(await aCounselor(suite.server));
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    // Two earlier visitors: one taken by the counselor (active), one still waiting, both before the window.
    const earlier = [track(await aVisitor(suite.server)), track(await aVisitor(suite.server))];
    for (const visitor of earlier) expect((await visitor.ask('conversation:start', {})).ok).toBe(true);
    expect((await counselor.ask('queue:take-next')).ok).toBe(true);
    suite.server.clock.advance(20 * 60 * 1000);
    const visitors = [
      track(await aVisitor(suite.server)),
      track(await aVisitor(suite.server)),
      track(await aVisitor(suite.server)),
    ];
    for (const visitor of visitors) expect((await visitor.ask('conversation:start', {})).ok).toBe(true);

    expect(
      await counselor.ask('supervision:end-wave', { withinMinutes: 15, includeUrgent: false, preview: true }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const preview = await supervisor.ask('supervision:end-wave', {
      withinMinutes: 15,
      includeUrgent: false,
      preview: true,
    });
    expect(preview).toMatchObject({ ok: true, count: 3 });
    const ended = await supervisor.ask('supervision:end-wave', {
      withinMinutes: 15,
      includeUrgent: false,
      preview: false,
      until: preview.until,
    });
    expect(ended).toMatchObject({ ok: true, count: 3 });
    for (const visitor of visitors) {
      const seen = await visitor.next('conversation:state', (s: any) => s.status === 'closed');
      expect(seen.closedReason).toBe('served');
    }
    const rows = await suite.server.havre.db.selectFrom('conversations').select(['status', 'closed_reason']).execute();
    expect(rows.filter((r) => r.closed_reason === 'raid_wave')).toHaveLength(3);
    expect(
      rows
        .filter((r) => r.status !== 'closed')
        .map((r) => r.status)
        .sort(),
    ).toEqual(['active', 'waiting']);

    const audit = await suite.server.havre.audit.list({ limit: 50 });
    expect(audit.filter((e) => e.action === 'raid.wave_ended').map((e) => e.details)).toEqual([
      { count: 3, withinMinutes: 15, includeUrgent: false },
    ]);
  });
  it.skipIf(!available)('keeps the urgent ones unless included, and never touches an active one', async () => {
    const counselor = track(await aCounselor(suite.server));
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const taken = track(await aVisitor(suite.server));
    expect((await taken.ask('conversation:start', {})).ok).toBe(true);
    expect((await counselor.ask('queue:take-next')).ok).toBe(true);
    const inDanger = track(await aVisitor(suite.server));
    const urgent = await inDanger.ask('conversation:start', { intake: { danger: 'yes' } });
    expect(urgent.conversation).toMatchObject({ urgent: true });
    const plain = track(await aVisitor(suite.server));
    expect((await plain.ask('conversation:start', {})).ok).toBe(true);

    const wave = (includeUrgent: boolean, preview: boolean) =>
      supervisor.ask('supervision:end-wave', { withinMinutes: 5, includeUrgent, preview });
    expect(await wave(false, true)).toMatchObject({ ok: true, count: 1 });
    expect(await wave(true, true)).toMatchObject({ ok: true, count: 2 });
    expect(await wave(false, false)).toMatchObject({ ok: true, count: 1 });
    await plain.next('conversation:state', (s: any) => s.status === 'closed');
    const statuses = async () =>
      (await suite.server.havre.db.selectFrom('conversations').select(['status', 'urgent']).execute())
        .map((r) => `${r.status}${r.urgent ? ' urgent' : ''}`)
        .sort();
    expect(await statuses()).toEqual(['active', 'closed', 'waiting urgent']);
    expect(await wave(true, false)).toMatchObject({ ok: true, count: 1 });
    await inDanger.next('conversation:state', (s: any) => s.status === 'closed');
    expect(await statuses()).toEqual(['active', 'closed', 'closed urgent']);
  });
});
