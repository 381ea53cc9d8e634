// Supervision over real sockets, against PGlite and PostgreSQL: the live board, silent reading and whispers,
// and a counselor refused all three.
import { describe, expect, it } from 'vitest';
import type { SupervisionBoardView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('supervision on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });
  const track = suite.track;

  /** A visitor in conversation with a counselor, and every payload the visitor's socket received. */
  async function aConversation() {
    const counselor = track(await aCounselor(suite.server));
    const visitor = track(await aVisitor(suite.server));
    const seenByVisitor: string[] = [];
    visitor.socket.onAny((event: string, payload: unknown) =>
      seenByVisitor.push(`${event} ${JSON.stringify(payload)}`),
    );
    await visitor.ask('conversation:start', {});
    const taken = await counselor.ask('queue:take-next');
    expect(taken.ok).toBe(true);
    await visitor.next('conversation:state', (s: any) => s.status === 'active');
    return { counselor, visitor, seenByVisitor, conversationId: taken.conversation.id as string };
  }

  it.skipIf(!available)('refuses the board, silent reading and whispers to a counselor', async () => {
    const { counselor, conversationId } = await aConversation();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await counselor.ask('supervision:board')).toMatchObject(forbidden);
    expect(await counselor.ask('supervision:watch', { conversationId })).toMatchObject(forbidden);
    expect(
      await counselor.ask('supervision:whisper', { conversationId, clientId: newClientId(), text: 'hello' }),
    ).toMatchObject(forbidden);
    const audit = await suite.server.havre.audit.list({ limit: 50 });
    expect(audit.filter((entry) => entry.action === 'conversation.watched')).toEqual([]);
  });

  it.skipIf(!available)('shows the queue, each online person with her load, and updates live', async () => {
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const first = await supervisor.ask('supervision:board');
    expect(first).toMatchObject({ ok: true, board: { waiting: 0, oldestWaitingSince: null, conversations: [] } });
    expect(first.board.staff).toEqual([
      expect.objectContaining({ id: supervisor.id, status: 'paused', load: 0, limit: 2 }),
    ]);

    const { counselor, conversationId } = await aConversation();
    const busy = await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) =>
      b.conversations.some((c) => c.id === conversationId),
    );
    expect(busy.conversations).toEqual([
      expect.objectContaining({ id: conversationId, counselorId: counselor.id, counselorName: expect.any(String) }),
    ]);
    expect(busy.staff.find((s) => s.id === counselor.id)).toMatchObject({ status: 'available', load: 1 });

    const waiting = track(await aVisitor(suite.server));
    await waiting.ask('conversation:start', {});
    const queued = await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) => b.waiting === 1);
    expect(queued.oldestWaitingSince).not.toBeNull();

    await counselor.ask('presence:set', { status: 'paused' });
    await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) =>
      b.staff.some((s) => s.id === counselor.id && s.status === 'paused'),
    );
    counselor.close();
    await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) =>
      b.staff.every((s) => s.id !== counselor.id),
    );
  });

  it.skipIf(!available)('reads a conversation silently and audits each watch once', async () => {
    const { counselor, visitor, seenByVisitor, conversationId } = await aConversation();
    await visitor.ask('message:send', { clientId: newClientId(), text: 'before' });
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));

    const watched = await supervisor.ask('supervision:watch', { conversationId });
    expect(watched).toMatchObject({
      ok: true,
      watched: { conversation: { id: conversationId, status: 'active' }, messages: [{ seq: 1, text: 'before' }] },
    });
    expect(watched.watched.counselorName).toMatch(/^Counselor/);
    expect((await supervisor.ask('supervision:watch', { conversationId })).ok).toBe(true);

    await counselor.ask('message:send', { conversationId, clientId: newClientId(), text: 'after' });
    expect(await supervisor.next('supervision:message')).toMatchObject({
      conversationId,
      message: { seq: 2, author: 'counselor', text: 'after' },
    });
    await counselor.ask('conversation:end', { conversationId });
    expect(await supervisor.next('supervision:conversation')).toMatchObject({ id: conversationId, status: 'closed' });

    const audit = await suite.server.havre.audit.list({ limit: 50 });
    expect(audit.filter((entry) => entry.action === 'conversation.watched')).toEqual([
      expect.objectContaining({ actorId: supervisor.id, targetType: 'conversation', targetId: conversationId }),
    ]);
    expect(seenByVisitor.join('\n')).not.toMatch(/supervision|watch/i);
    expect(await supervisor.ask('supervision:watch', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'CONVERSATION_CLOSED' },
    });
  });

  it.skipIf(!available)('tells a supervisor reading a conversation that it was handed to a colleague', async () => {
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const { counselor, conversationId } = await aConversation();
    const colleague = track(await aCounselor(suite.server));
    await supervisor.ask('supervision:board');
    expect((await supervisor.ask('supervision:watch', { conversationId })).ok).toBe(true);

    const moved = await counselor.ask('conversation:transfer', { conversationId, toStaffId: colleague.id, note: '' });
    expect(moved.ok).toBe(true);
    await supervisor.next('supervision:conversation', (c: any) => c.id === conversationId);
    const board = await supervisor.next<SupervisionBoardView>('supervision:board-update', (b) =>
      b.conversations.some((c) => c.id === conversationId && c.counselorId === colleague.id),
    );
    expect(board.conversations.find((c) => c.id === conversationId)?.counselorName).toBe(
      board.staff.find((s) => s.id === colleague.id)?.displayName,
    );
  });

  it.skipIf(!available)(
    'lets a supervisor read the transcript of an ended conversation, audited each time',
    async () => {
      const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
      const { counselor, visitor, conversationId } = await aConversation();
      await visitor.ask('message:send', { clientId: newClientId(), text: 'Merci de m’avoir écoutée.' });
      expect(await supervisor.ask('supervision:read-closed', { conversationId })).toMatchObject({
        ok: false,
        error: { code: 'CONVERSATION_NOT_ENDED' },
      });
      await counselor.ask('conversation:end', { conversationId });

      expect(await counselor.ask('supervision:closed-list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await counselor.ask('supervision:read-closed', { conversationId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const list = await supervisor.ask('supervision:closed-list');
      expect(list.conversations).toEqual([
        expect.objectContaining({ id: conversationId, closedReason: 'served', counselorName: expect.any(String) }),
      ]);
      const read = await supervisor.ask('supervision:read-closed', { conversationId });
      expect(read.transcript.messages.map((m: any) => m.text)).toContain('Merci de m’avoir écoutée.');
      await supervisor.ask('supervision:read-closed', { conversationId });
      const audit = await suite.server.havre.audit.list({ limit: 50 });
      const reads = audit.filter((entry) => entry.action === 'transcript.read');
      expect(reads).toHaveLength(2);
      expect(reads[0]).toMatchObject({ actorId: supervisor.id, targetId: conversationId, details: {} });
    },
  );

  it.skipIf(!available)('whispers to the counselor alone: never to the visitor', async () => {
    const { counselor, visitor, seenByVisitor, conversationId } = await aConversation();
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const other = track(await aCounselor(suite.server));
    const seenByOther: string[] = [];
    other.socket.onAny((event: string) => seenByOther.push(event));

    const whispered = await supervisor.ask('supervision:whisper', {
      conversationId,
      clientId: newClientId(),
      text: 'ask her whether she is safe tonight',
    });
    expect(whispered).toMatchObject({
      ok: true,
      whisper: { conversationId, text: 'ask her whether she is safe tonight' },
    });
    expect(await counselor.next('whisper:new')).toMatchObject({
      conversationId,
      fromName: expect.stringMatching(/^Counselor/),
      text: 'ask her whether she is safe tonight',
    });

    // A message sent after the whisper reaches the visitor: had the whisper gone to her, it would be there first.
    await counselor.ask('message:send', { conversationId, clientId: newClientId(), text: 'a reply' });
    await visitor.next('message:new', (m: any) => m.text === 'a reply');
    expect(seenByVisitor.join('\n')).not.toContain('safe tonight');
    expect(seenByVisitor.join('\n')).not.toContain('whisper');
    expect(seenByOther).not.toContain('whisper:new');
  });

  it.skipIf(!available)('refuses a whisper to a waiting conversation, an unknown one and an empty one', async () => {
    const { conversationId } = await aConversation();
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const visitor = track(await aVisitor(suite.server));
    await visitor.ask('conversation:start', {});
    const queue = await supervisor.next('queue:update', (q: any) => q.waiting === 1);
    const waitingId = queue.entries[0].conversationId;
    const whisper = (id: string, text: string) =>
      supervisor.ask('supervision:whisper', { conversationId: id, clientId: newClientId(), text });

    expect(await whisper(waitingId, 'x')).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED' } });
    expect(await whisper(conversationId, '   ')).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await whisper('00000000-0000-4000-8000-000000000000', 'x')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.skipIf(!available)('lets a supervisor take over, past her own limit; the visitor loses nothing', async () => {
    const { counselor, visitor, conversationId } = await aConversation();
    await visitor.ask('message:send', { clientId: newClientId(), text: 'said before' });
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor' }));
    // She already holds as many conversations as the limit (2) allows.
    for (let i = 0; i < 2; i++) {
      const other = track(await aVisitor(suite.server));
      await other.ask('conversation:start', {});
      expect((await supervisor.ask('queue:take-next')).ok).toBe(true);
    }
    expect(await counselor.ask('supervision:take-over', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    supervisor.forget('staff:state');

    const taken = await supervisor.ask('supervision:take-over', { conversationId });
    expect(taken).toMatchObject({ ok: true, conversation: { id: conversationId, status: 'active' } });
    const notice = await visitor.next('message:new', (m: any) => m.author === 'system');
    expect(notice.text).toMatch(/Une autre personne de l’équipe poursuit la conversation/);
    expect(await counselor.next('supervision:taken-over')).toEqual({ conversationId, byName: expect.any(String) });
    const counselorState = await counselor.next('staff:state');
    expect(counselorState.conversations.map((c: any) => c.id)).not.toContain(conversationId);
    const supervisorState = await supervisor.next('staff:state');
    expect(supervisorState.conversations.map((c: any) => c.id)).toContain(conversationId);

    const history = await supervisor.ask('message:history', { conversationId, afterSeq: 0 });
    expect(history.messages.map((m: any) => m.text)).toEqual(['said before', notice.text]);
    await supervisor.ask('message:send', { conversationId, clientId: newClientId(), text: 'I am here' });
    await visitor.next('message:new', (m: any) => m.text === 'I am here');
    expect(
      await counselor.ask('message:send', { conversationId, clientId: newClientId(), text: 'still mine?' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED' } });

    const audit = await suite.server.havre.audit.list({ limit: 50 });
    expect(audit.filter((entry) => entry.action === 'conversation.taken_over')).toEqual([
      expect.objectContaining({
        actorId: supervisor.id,
        targetId: conversationId,
        details: { fromCounselorId: counselor.id },
      }),
    ]);
    expect((await supervisor.ask('supervision:take-over', { conversationId })).ok).toBe(true);
    expect(
      (await suite.server.havre.audit.list({ limit: 50 })).filter((e) => e.action === 'conversation.taken_over'),
    ).toHaveLength(1);
  });

  it.skipIf(!available)('pauses intake and closes the queue from the board, with a message for visitors', async () => {
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor' }));
    const counselor = track(await aCounselor(suite.server, { available: false }));
    const status = async () => (await (await fetch(`${suite.server.url}/api/status`)).json()).status.admission;
    expect((await supervisor.ask('supervision:board')).board.intake).toMatchObject({ mode: 'open', message: null });
    const waiting = track(await aVisitor(suite.server));
    expect((await waiting.ask('conversation:start', {})).ok).toBe(true);

    expect(await counselor.ask('supervision:intake-mode', { mode: 'paused', message: null })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const paused = await supervisor.ask('supervision:intake-mode', { mode: 'paused', message: 'Back in 10 minutes.' });
    expect(paused).toMatchObject({ ok: true, intake: { mode: 'paused', message: 'Back in 10 minutes.' } });
    await supervisor.next('supervision:board-update', (b: any) => b.intake?.mode === 'paused');
    expect(await status()).toMatchObject({ paused: true, message: 'Back in 10 minutes.' });
    const refused = track(await aVisitor(suite.server));
    expect(await refused.ask('conversation:start', {})).toMatchObject({ ok: false, error: { code: 'INTAKE_PAUSED' } });

    await supervisor.ask('supervision:intake-mode', { mode: 'closing', message: 'The queue closes for today.' });
    expect(await status()).toMatchObject({ paused: true, message: 'The queue closes for today.' });
    expect(await refused.ask('conversation:start', {})).toMatchObject({ ok: false, error: { code: 'INTAKE_PAUSED' } });
    // The visitor already waiting keeps her place and is served.
    const taken = await supervisor.ask('queue:take-next');
    expect(taken).toMatchObject({ ok: true, conversation: { status: 'active' } });
    await waiting.next('conversation:state', (s: any) => s.status === 'active');

    await supervisor.ask('supervision:intake-mode', { mode: 'open', message: 'ignored when open' });
    expect(await status()).toEqual({ paused: false, full: false });
    expect((await refused.ask('conversation:start', {})).ok).toBe(true);

    const audit = await suite.server.havre.audit.list({ limit: 50 });
    const changes = audit.filter((entry) => entry.targetId === 'intake-mode');
    expect(changes.map((entry) => entry.details)).toEqual([{ mode: 'open' }, { mode: 'closing' }, { mode: 'paused' }]);
    expect(JSON.stringify(changes)).not.toContain('minutes');
  });
});
