// "Read" marks over real sockets, on PGlite and PostgreSQL: each side's mark reaches the other side, only moves
// forward, never past the last message, is stored (a reload shows it), and only her counselor may move hers.
import { describe, expect, it } from 'vitest';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('read marks on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  it.skipIf(!available)('go both ways, forward only, and survive a reload', async () => {
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    const { token } = await visitor.ask('conversation:start');
    const { conversation } = await counselor.ask('queue:take-next');
    const conversationId = conversation.id as string;
    expect(conversation.visitorReadSeq).toBe(0);
    await visitor.ask('message:send', { clientId: newClientId(), text: 'un' });
    await visitor.ask('message:send', { clientId: newClientId(), text: 'deux' });
    await counselor.ask('message:send', { conversationId, clientId: newClientId(), text: 'trois' });

    // The counselor reads up to 2: the visitor is told.
    expect(await counselor.ask('message:read', { conversationId, seq: 2 })).toEqual({ ok: true });
    expect(await visitor.next('message:read')).toEqual({ seq: 2 });
    // Not past the last message, never back.
    await counselor.ask('message:read', { conversationId, seq: 99 });
    expect(await visitor.next('message:read')).toEqual({ seq: 3 });
    await counselor.ask('message:read', { conversationId, seq: 1 });

    // The visitor has seen up to 3: her counselor is told.
    expect(await visitor.ask('message:read', { seq: 3 })).toEqual({ ok: true });
    expect(await counselor.next('message:read')).toEqual({ conversationId, seq: 3 });

    // A reload: both marks come back with the conversation.
    const again = suite.track(await aVisitor(suite.server));
    const resumed = await again.ask('conversation:resume', { token, afterSeq: 0 });
    expect(resumed.conversation.counselorReadSeq).toBe(3);
    const colleagueView = await suite.server.havre.db
      .selectFrom('conversations')
      .select(['visitor_read_seq', 'counselor_read_seq'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(colleagueView).toEqual({ visitor_read_seq: 3, counselor_read_seq: 3 });

    const stranger = suite.track(await aCounselor(suite.server));
    expect((await stranger.ask('message:read', { conversationId, seq: 3 })).error.code).toBe('NOT_ASSIGNED');
    expect((await visitor.ask('message:read', { seq: -1 })).error.code).toBe('INVALID_PAYLOAD');
  });
});
