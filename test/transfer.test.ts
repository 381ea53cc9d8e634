// Transfers over real sockets, on PGlite and PostgreSQL: the visitor keeps her conversation, history and socket
// and reads one neutral line; the receiver gets the whole history and the note (kept as a private note); the
// sender's tab closes; refusals have stable codes; the audit log names ids only.
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../src/protocol/views.ts';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const NOTE = 'Elle préfère qu’on ne parle pas de sa sœur.';

describe.each(kinds)('transfer on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  async function aConversation() {
    const sender = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    await visitor.ask('conversation:start', { locale: 'fr' });
    const { conversation } = await sender.ask('queue:take-next');
    const conversationId = conversation.id as string;
    await visitor.ask('message:send', { clientId: newClientId(), text: 'Bonjour' });
    await sender.ask('message:send', { conversationId, clientId: newClientId(), text: 'Je vous écoute' });
    return { sender, visitor, conversationId };
  }

  it.skipIf(!available)('hands the conversation over; the visitor keeps everything', async () => {
    const { sender, visitor, conversationId } = await aConversation();
    const receiver = suite.track(await aCounselor(suite.server));
    visitor.forget('conversation:state');

    const { colleagues } = await sender.ask('transfer:colleagues');
    expect(colleagues).toEqual([
      {
        id: receiver.id,
        displayName: expect.stringMatching(/^Counselor/),
        activeConversations: 0,
        maxConversations: 2,
      },
    ]);

    const moved = await sender.ask('conversation:transfer', { conversationId, toStaffId: receiver.id, note: NOTE });
    expect(moved).toMatchObject({ ok: true, conversationId });
    expect(await sender.next('conversation:transferred-out')).toMatchObject({ conversationId });

    const handedOver = await receiver.next('conversation:transferred-in');
    expect(handedOver.conversation).toMatchObject({ id: conversationId, status: 'active' });
    expect(handedOver.messages.map((m: MessageView) => [m.seq, m.author, m.text])).toEqual([
      [1, 'visitor', 'Bonjour'],
      [2, 'counselor', 'Je vous écoute'],
      [3, 'system', 'Une autre conseillère prend le relais de la conversation.'],
    ]);
    const notes = await receiver.ask('note:list', { conversationId });
    expect(notes.notes).toMatchObject([{ text: NOTE, authorId: sender.id }]);

    // The visitor: the neutral line, on the same socket, history intact, no state change to react to.
    expect(await visitor.next('message:new', (m: MessageView) => m.author === 'system')).toMatchObject({ seq: 3 });
    const history = await visitor.ask('message:history', { afterSeq: 0 });
    expect(history.messages.map((m: MessageView) => m.seq)).toEqual([1, 2, 3]);
    await visitor.ask('message:send', { clientId: newClientId(), text: 'D’accord' });
    expect(await receiver.next('message:new', (e: any) => e.message.text === 'D’accord')).toMatchObject({
      conversationId,
    });

    // The sender no longer holds it; the receiver does.
    const late = await sender.ask('message:send', { conversationId, clientId: newClientId(), text: 'encore' });
    expect(late.error.code).toBe('NOT_ASSIGNED');
    const reply = await receiver.ask('message:send', {
      conversationId,
      clientId: newClientId(),
      text: 'Bonjour, je prends le relais',
    });
    expect(reply.ok).toBe(true);

    const entries = await suite.server.havre.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'conversation.transferred')
      .execute();
    expect(entries).toMatchObject([
      {
        actor_id: sender.id,
        target_type: 'conversation',
        target_id: conversationId,
        details: { from: sender.id, to: receiver.id },
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain('sœur');
  });

  it.skipIf(!available)('refuses with stable codes', async () => {
    const { sender, conversationId } = await aConversation();
    const paused = suite.track(await aCounselor(suite.server, { available: false }));
    const full = suite.track(await aCounselor(suite.server));
    const stranger = suite.track(await aCounselor(suite.server));
    const transfer = (by: typeof sender, toStaffId: string) =>
      by.ask('conversation:transfer', { conversationId, toStaffId, note: '' });

    expect((await transfer(sender, paused.id)).error.code).toBe('TRANSFER_TARGET_UNAVAILABLE');
    expect((await transfer(stranger, full.id)).error.code).toBe('NOT_ASSIGNED');
    expect((await transfer(sender, sender.id)).error.code).toBe('INVALID_PAYLOAD');

    for (let i = 0; i < 2; i++) {
      const other = suite.track(await aVisitor(suite.server));
      await other.ask('conversation:start');
      expect((await full.ask('queue:take-next')).ok).toBe(true);
    }
    expect((await transfer(sender, full.id)).error.code).toBe('TRANSFER_TARGET_AT_CAPACITY');
    expect((await sender.ask('transfer:colleagues')).colleagues.map((c: any) => [c.id, c.activeConversations])).toEqual(
      [
        [stranger.id, 0],
        [full.id, 2],
      ],
    );

    // An offline colleague is not available, even if her stored status says so.
    stranger.close();
    await expect.poll(async () => (await sender.ask('transfer:colleagues')).colleagues.length).toBe(1);
    expect((await transfer(sender, stranger.id)).error.code).toBe('TRANSFER_TARGET_UNAVAILABLE');

    await sender.ask('conversation:end', { conversationId });
    const online = suite.track(await aCounselor(suite.server));
    expect((await transfer(sender, online.id)).error.code).toBe('CONVERSATION_CLOSED');
  });
});
