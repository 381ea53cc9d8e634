// Content at rest and its end: messages are stored encrypted with their conversation's data key, and the
// retention job deletes that key, then the messages, once the conversation has been closed long enough.
// A copy of the messages taken before the purge cannot be read once the key row is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentCipher } from '../src/server/crypto/content-cipher.ts';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const DAY = 86_400_000;
const SECRET_WORDS = 'il a pris mon téléphone hier soir';

describe.each(kinds)('content at rest on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  async function aClosedConversation() {
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    const { token } = await visitor.ask('conversation:start');
    const { conversation } = await counselor.ask('queue:take-next');
    await visitor.ask('message:send', { clientId: newClientId(), text: SECRET_WORDS });
    await counselor.ask('message:send', {
      conversationId: conversation.id,
      clientId: newClientId(),
      text: 'Je vous crois.',
    });
    await counselor.ask('conversation:end', { conversationId: conversation.id });
    return { counselor, token, conversationId: conversation.id as string };
  }

  const rawMessages = (conversationId: string) =>
    suite.server.havre.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();

  /** What someone holding a copy of the messages and the live key table (and the master key) could read. */
  function readCopy(copy: Awaited<ReturnType<typeof rawMessages>>) {
    const masterKey = Buffer.from(readFileSync(join(suite.server.dataDir, 'master.key'), 'utf8').trim(), 'base64');
    const cipher = createContentCipher({
      masterKey,
      keys: {
        find: async (id) => {
          const row = await suite.server.havre.db
            .selectFrom('conversation_keys')
            .select('wrapped')
            .where('conversation_id', '=', id)
            .executeTakeFirst();
          return row ? Buffer.from(row.wrapped) : null;
        },
      },
    });
    return Promise.all(copy.map((row) => cipher.decrypt(row.conversation_id, row.client_id, row.ciphertext)));
  }

  it.skipIf(!available)('stores no message in clear', async () => {
    const { conversationId } = await aClosedConversation();
    const rows = await rawMessages(conversationId);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Buffer.from(row.ciphertext).includes(Buffer.from(SECRET_WORDS))).toBe(false);
      expect(Buffer.from(row.ciphertext).includes(Buffer.from('pris mon'))).toBe(false);
    }
    expect(await readCopy(rows)).toEqual([SECRET_WORDS, 'Je vous crois.']);
  });

  it.skipIf(!available)(
    'destroys the content once the conversation has been closed longer than the retention',
    async () => {
      const { counselor, token, conversationId } = await aClosedConversation();
      const copyBeforePurge = await rawMessages(conversationId);

      suite.server.clock.advance(29 * DAY);
      expect(await suite.server.havre.retention.runNow()).toBe(0);
      const history = await counselor.ask('message:history', { conversationId, afterSeq: 0 });
      expect(history.messages.map((m: any) => m.text)).toEqual([SECRET_WORDS, 'Je vous crois.']);

      suite.server.clock.advance(2 * DAY);
      expect(await suite.server.havre.retention.runNow()).toBe(1);
      const keys = await suite.server.havre.db
        .selectFrom('conversation_keys')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .execute();
      expect(keys).toEqual([]);
      expect(await rawMessages(conversationId)).toEqual([]);
      await expect(readCopy(copyBeforePurge)).rejects.toMatchObject({ code: 'CONTENT_DELETED' });

      const row = await suite.server.havre.db
        .selectFrom('conversations')
        .selectAll()
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'closed', closed_reason: 'served', token_hash: null });
      expect(row.purged_at).toBeInstanceOf(Date);
      const visitor = suite.track(await aVisitor(suite.server));
      expect((await visitor.ask('conversation:resume', { token, afterSeq: 0 })).error.code).toBe('NOT_FOUND');
      expect(await suite.server.havre.retention.runNow()).toBe(0);
    },
  );

  it.skipIf(!available)('never purges a conversation that is still open', async () => {
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    await visitor.ask('conversation:start');
    await counselor.ask('queue:take-next');
    await visitor.ask('message:send', { clientId: newClientId(), text: 'encore là' });
    suite.server.clock.advance(400 * DAY);
    expect(await suite.server.havre.retention.runNow()).toBe(0);
    expect((await visitor.ask('message:history', { afterSeq: 0 })).messages).toHaveLength(1);
  });
});
