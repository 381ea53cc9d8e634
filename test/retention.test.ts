// Content at rest and its end: messages are stored encrypted with their conversation's data key, and the
// retention job deletes that key, then the messages, once the conversation has been closed long enough, and
// moves the keyring past that day. A forensic examiner with the master key then reads nothing: not in a copy of
// the messages, not in the database's own files and WAL, not in a dump taken before the purge (decision 0021).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { epochOf } from '../src/server/crypto/keyring.ts';
import { aCounselor, aVisitor, newClientId } from './support/clients.ts';
import { type Evidence, filesBelow, holds, readableTexts } from './support/forensics.ts';
import { useTestServer } from './support/server-suite.ts';
import { adminUrl, storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const DAY = 86_400_000;
const SECRET_WORDS = 'il a pris mon téléphone hier soir';
const NOTE = 'Elle pense partir chez sa sœur samedi.';

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
    await counselor.ask('note:add', { conversationId: conversation.id, text: NOTE });
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

  /** Everything sealed of a conversation, as it is in the database now. */
  async function evidenceOf(conversationId: string): Promise<Evidence> {
    const db = suite.server.havre.db;
    const keys = await db
      .selectFrom('conversation_keys')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .execute();
    const notes = await db
      .selectFrom('staff_texts')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .execute();
    return {
      conversationId,
      wrappedKeys: keys.map((row) => ({ wrapped: Buffer.from(row.wrapped), epoch: row.key_epoch ?? null })),
      sealed: [
        ...(await rawMessages(conversationId)).map((row) => ({
          context: row.client_id,
          ciphertext: Buffer.from(row.ciphertext),
        })),
        ...notes.map((row) => ({ context: `staff-text:${row.id}`, ciphertext: Buffer.from(row.ciphertext) })),
      ],
    };
  }

  /** What the examiner holds the master key and the keyring with: the files in DATA_DIR, as they are now. */
  const examinerKeys = () => ({
    masterKey: Buffer.from(readFileSync(join(suite.server.dataDir, 'master.key'), 'utf8').trim(), 'base64'),
    keyringFile: join(suite.server.dataDir, 'keyring'),
    today: epochOf(suite.server.clock.now()),
  });

  /** The database's files as they are on disk now (written out first), raw: dead rows and WAL included. */
  async function databaseFiles(): Promise<Buffer[]> {
    const db = suite.server.havre.db;
    await sql`checkpoint`.execute(db);
    if (kind === 'pglite') return filesBelow(join(suite.server.dataDir, 'pglite'));
    const dir = (await sql<{ dir: string }>`select current_setting('data_directory') as dir`.execute(db)).rows[0]?.dir;
    const oid = (await sql<{ oid: number }>`select oid from pg_database where datname = current_database()`.execute(db))
      .rows[0]?.oid;
    try {
      accessSync(join(`${dir}`, 'pg_wal'), constants.R_OK);
    } catch (error) {
      if (process.env.HAVRE_REQUIRE_SERVICES === '1') throw error;
      console.warn(
        `\n*** PostgreSQL's data directory ${dir} is not readable here: its raw files are NOT examined ***\n`,
      );
      return [];
    }
    return [...filesBelow(join(`${dir}`, 'base', String(oid))), ...filesBelow(join(`${dir}`, 'pg_wal'))];
  }

  /** A copy taken before the purge: the data folder (PGlite) or a pg_dump of the database (PostgreSQL). */
  async function copyBeforePurge(): Promise<Buffer[]> {
    if (kind === 'pglite') {
      await sql`checkpoint`.execute(suite.server.havre.db);
      const copy = mkdtempSync(join(tmpdir(), 'havre-copy-'));
      cpSync(suite.server.dataDir, copy, { recursive: true });
      return filesBelow(copy);
    }
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(suite.server.havre.db)).rows[0]
      ?.name;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return [execFileSync('pg_dump', ['--dbname', url.toString()], { maxBuffer: 256 * 1024 * 1024 })];
  }

  it.skipIf(!available)('stores no message in clear', async () => {
    const { conversationId } = await aClosedConversation();
    const rows = await rawMessages(conversationId);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Buffer.from(row.ciphertext).includes(Buffer.from(SECRET_WORDS))).toBe(false);
      expect(Buffer.from(row.ciphertext).includes(Buffer.from('pris mon'))).toBe(false);
    }
    const evidence = await evidenceOf(conversationId);
    const texts = readableTexts(await databaseFiles(), evidence, examinerKeys());
    expect(new Set(texts)).toEqual(new Set([SECRET_WORDS, 'Je vous crois.', NOTE]));
  });

  it.skipIf(!available)(
    'destroys the content once the conversation has been closed longer than the retention',
    async () => {
      const { counselor, token, conversationId } = await aClosedConversation();
      const evidence = await evidenceOf(conversationId);
      const copy = await copyBeforePurge();
      // The examiner's method works: before the purge she reads all three texts from the copy.
      expect(new Set(readableTexts(copy, evidence, examinerKeys()))).toEqual(
        new Set([SECRET_WORDS, 'Je vous crois.', NOTE]),
      );

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

      // After it, with the master key and the keyring as they are on disk, she reads nothing: not from the copy
      // taken before (which still holds the wrapped key), not from the database's files and WAL.
      for (const { wrapped } of evidence.wrappedKeys) expect(holds(copy, wrapped)).toBe(true);
      expect(readableTexts(copy, evidence, examinerKeys())).toEqual([]);
      expect(readableTexts(await databaseFiles(), evidence, examinerKeys())).toEqual([]);
      expect(readableTexts(filesBelow(suite.server.dataDir), evidence, examinerKeys())).toEqual([]);

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
