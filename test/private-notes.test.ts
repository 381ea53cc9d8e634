// Private notes over real sockets, on PGlite and PostgreSQL: the assigned counselor writes and reads them,
// nobody else does, they never reach the visitor namespace, they are sealed at rest and purged with the content.
import { describe, expect, it } from 'vitest';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const DAY = 86_400_000;
const NOTE = 'note-privee-7f3a : il surveille son téléphone';

describe.each(kinds)('private notes on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  async function aConversation() {
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    const seenByVisitor: string[] = [];
    visitor.socket.onAny((event: string, payload: unknown) =>
      seenByVisitor.push(`${event} ${JSON.stringify(payload)}`),
    );
    await visitor.ask('conversation:start');
    const { conversation } = await counselor.ask('queue:take-next');
    return { counselor, visitor, seenByVisitor, conversationId: conversation.id as string };
  }

  it.skipIf(!available)('are kept for the counselor and never reach the visitor', async () => {
    const { counselor, visitor, seenByVisitor, conversationId } = await aConversation();
    const added = await counselor.ask('note:add', { conversationId, text: NOTE });
    expect(added).toMatchObject({ ok: true, note: { text: NOTE, authorId: counselor.id } });
    expect(added.note.authorName).toMatch(/^Counselor \d+$/);

    // A message sent after the note is delivered to the visitor: anything the note caused would be there by now.
    await counselor.ask('message:send', { conversationId, clientId: newClientId(), text: 'Je suis là.' });
    await visitor.next('message:new');
    expect(seenByVisitor.join('\n')).not.toContain('note-privee-7f3a');
    const history = await visitor.ask('message:history', { afterSeq: 0 });
    expect(JSON.stringify(history)).not.toContain('note-privee-7f3a');

    const listed = await counselor.ask('note:list', { conversationId });
    expect(listed.notes.map((note: any) => note.text)).toEqual([NOTE]);
    expect(await suite.server.havre.notes.forSupervisor(conversationId)).toEqual(listed.notes);
  });

  it.skipIf(!available)('are refused to anyone but the assigned counselor, and to empty text', async () => {
    const { conversationId } = await aConversation();
    const colleague = suite.track(await aCounselor(suite.server));
    expect((await colleague.ask('note:add', { conversationId, text: 'x' })).error.code).toBe('NOT_ASSIGNED');
    expect((await colleague.ask('note:list', { conversationId })).error.code).toBe('NOT_ASSIGNED');
    const empty = await colleague.ask('note:add', { conversationId, text: '   ' });
    expect(empty.error.code).toBe('INVALID_PAYLOAD');
  });

  it.skipIf(!available)('are sealed at rest and purged with the conversation', async () => {
    const { counselor, conversationId } = await aConversation();
    await counselor.ask('note:add', { conversationId, text: NOTE });
    const rows = () =>
      suite.server.havre.db
        .selectFrom('staff_texts')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .execute();
    const [row] = await rows();
    expect(row?.kind).toBe('note');
    expect(Buffer.from(row?.ciphertext ?? []).includes(Buffer.from('note-privee'))).toBe(false);

    await counselor.ask('conversation:end', { conversationId });
    // Still hers to read while the content lasts, even ended.
    expect((await counselor.ask('note:list', { conversationId })).notes).toHaveLength(1);
    suite.server.clock.advance(31 * DAY);
    expect(await suite.server.havre.retention.runNow()).toBe(1);
    expect(await rows()).toEqual([]);
    expect((await counselor.ask('note:list', { conversationId })).notes).toEqual([]);
  });
});
