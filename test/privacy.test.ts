// What a copy of Havre's database or logs would reveal about the people who wrote in: a whole conversation
// runs behind a reverse proxy that passes on the client's address (TRUST_PROXY=true) and a recognisable user
// agent, with logs at their most verbose; then every row of every table and every log line is searched for
// the address, the user agent, the words of the conversation and the bearer secrets (her resume token, the
// staff session id). None may be there. A second test pins the tables and columns docs/privacy.md lists.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { solveWork } from './support/solve-work.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

const IP = '203.0.113.77';
const USER_AGENT = 'HavreTestAgent/9.9';
const VISITOR_WORDS = 'Zéphyrine-7731 : il lit tous mes messages le soir';
const COUNSELOR_WORDS = 'Quadrillon-4412, vous avez bien fait d’écrire';
/** What the proxy in front of Havre passes on about the person: her address and her browser. */
const clientHeaders = { 'x-forwarded-for': IP, 'user-agent': USER_AGENT };

/** Everything that identifies her or that she said, as text and as the hex a bytea column shows. */
const needles = [
  IP,
  '203.0.113',
  USER_AGENT,
  'HavreTestAgent',
  VISITOR_WORDS,
  'Zéphyrine',
  COUNSELOR_WORDS,
  'Quadrillon',
];
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/**
 * Every table and column Havre may store: those docs/privacy.md lists ("What the database holds"), read from
 * its table so that the document is the one list. A new table or column fails this test until privacy.md says
 * what it holds and how long it is kept.
 */
function documentedTables(): Record<string, string[]> {
  const doc = readFileSync(new URL('../docs/privacy.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### What the database holds'), doc.indexOf('### What is never stored'));
  const names = (cell: string) => [...cell.matchAll(/`([a-z_]+)`/g)].map((match) => match[1] ?? '');
  const tables: Record<string, string[]> = {};
  for (const line of section.split('\n').filter((row) => row.startsWith('| `'))) {
    const [tableCell = '', columnCell = ''] = line.slice(2).split(' | ');
    // Values in parentheses (`waiting`, `active`…) are not columns; `;` separates the columns of two tables.
    const groups = columnCell.replace(/\([^)]*\)/g, '').split(';');
    names(tableCell).forEach((table, index) => {
      tables[table] = names(groups[index] ?? '').sort();
    });
  }
  return Object.fromEntries(Object.entries(tables).sort(([a], [b]) => a.localeCompare(b)));
}
const documentedColumns = documentedTables();
/**
 * The rows of the settings table once the settings are saved and a set-up link issued: the admin's settings, the
 * master-key and keyring checks, the set-up token's hash. privacy.md also lists `intake-mode` and `security_policy`, which
 * appear only once a supervisor switches intake or an admin sets the two-factor policy.
 */
const documentedSettingsKeys = ['general', 'keyring_check', 'master_key_check', 'setup_token_hash'];

describe.each(kinds)('what is kept about a conversation on $kind', ({ kind, available }) => {
  let server: TestServer;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    if (available) server = await startTestServer(kind, { env: { TRUST_PROXY: 'true', LOG_LEVEL: 'trace' } });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server?.stop();
  });

  async function http(method: string, path: string, { body, cookie }: { body?: unknown; cookie?: string } = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...clientHeaders,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, cookie: response.headers.get('set-cookie'), text: await response.text() };
  }

  /** A socket.io client sending the same address and user agent as her browser would through the proxy. */
  async function connect(namespace: string, cookie?: string): Promise<Socket> {
    const socket = io(`${server.url}${namespace}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { ...clientHeaders, ...(cookie ? { cookie } : {}) },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  const ask = (socket: Socket, event: string, payload: unknown = {}): Promise<any> =>
    socket.timeout(10_000).emitWithAck(event, payload);

  /** Every row of every table of the public schema, as JSON text (bytea as \x… hex). */
  async function dumpDatabase(): Promise<{ tables: string[]; rows: string[] }> {
    const { db } = server.havre;
    const tables = (
      await sql<{ table_name: string }>`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
    ).rows.map((row) => row.table_name);
    const rows: string[] = [];
    for (const table of tables) {
      const result = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(
        db,
      );
      rows.push(...result.rows.map((r) => `${table} ${r.row}`));
    }
    return { tables, rows };
  }

  it.skipIf(!available)('stores exactly the tables and columns that docs/privacy.md lists', async () => {
    const { db } = server.havre;
    await server.havre.settings.update(await server.havre.settings.current());
    await server.havre.accounts.issueSetupToken();
    const columns = await sql<{ table_name: string; column_name: string }>`select table_name, column_name
      from information_schema.columns where table_schema = 'public' order by table_name, column_name`.execute(db);
    const stored: Record<string, string[]> = {};
    for (const { table_name, column_name } of columns.rows) {
      stored[table_name] = [...(stored[table_name] ?? []), column_name];
    }
    expect(stored).toEqual(documentedColumns);
    const keys = await sql<{ key: string }>`select key from settings order by key`.execute(db);
    expect(keys.rows.map((row) => row.key)).toEqual(documentedSettingsKeys);
  });

  it.skipIf(!available)(
    'keeps no address, no user agent, no words in clear and no bearer token, in the database or the logs',
    async () => {
      // The staff side, through the same proxy: a wrong password, a login, her console's socket.
      await server.havre.accounts.create({
        username: 'nadia',
        displayName: 'Nadia',
        password: 'nadia password 12',
        role: 'counselor',
      });
      expect((await http('POST', '/api/auth/login', { body: { username: 'nadia', password: 'wrong' } })).status).toBe(
        401,
      );
      const login = await http('POST', '/api/auth/login', {
        body: { username: 'nadia', password: 'nadia password 12' },
      });
      expect(login.status).toBe(200);
      const cookie = (login.cookie ?? '').split(';')[0] ?? '';
      expect((await http('GET', '/api/auth/me', { cookie })).status).toBe(200);
      const staff = io(`${server.url}${namespaces.staff}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { ...clientHeaders, cookie },
      });
      sockets.push(staff);
      await new Promise((resolve) => staff.once('staff:state', resolve));
      expect((await ask(staff, 'presence:set', { status: 'available' })).ok).toBe(true);

      // The visitor: the page, the status, a bad request, then a whole conversation.
      expect((await http('GET', '/')).status).toBe(200);
      expect((await http('GET', '/api/status')).status).toBe(200);
      expect((await http('GET', '/api/nothing-here')).status).toBe(404);
      const visitor = await connect(namespaces.visitor);
      const { challenge } = await ask(visitor, 'work:challenge');
      const started = await ask(visitor, 'conversation:start', {
        locale: 'fr',
        intake: { danger: 'no', age: '18-21' },
        work: solveWork(challenge),
      });
      expect(started.ok).toBe(true);
      const taken = await ask(staff, 'queue:take-next');
      expect(taken.ok).toBe(true);
      const conversationId: string = taken.conversation.id;

      expect((await ask(visitor, 'typing', { typing: true })).ok).toBe(true);
      expect((await ask(visitor, 'message:send', { clientId: randomUUID(), text: VISITOR_WORDS })).ok).toBe(true);
      // A refused payload that carries her words must not echo them into a log either.
      const tooLong = await ask(visitor, 'message:send', { clientId: randomUUID(), text: VISITOR_WORDS.repeat(200) });
      expect(tooLong.ok).toBe(false);
      expect((await ask(staff, 'typing', { conversationId, typing: true })).ok).toBe(true);
      const reply = { conversationId, clientId: randomUUID(), text: COUNSELOR_WORDS };
      expect((await ask(staff, 'message:send', reply)).ok).toBe(true);

      // She comes back on another socket (a reload) with her token, reads the history, and ends.
      const again = await connect(namespaces.visitor);
      const resumed = await ask(again, 'conversation:resume', { token: started.token, afterSeq: 0 });
      expect(resumed.messages.map((m: any) => m.text)).toEqual([VISITOR_WORDS, COUNSELOR_WORDS]);
      expect((await ask(again, 'conversation:end')).ok).toBe(true);
      expect((await http('POST', '/api/auth/logout', { cookie })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));

      const { tables, rows } = await dumpDatabase();
      // The dump does see the data: the tables that hold it, her conversation, its encrypted messages.
      expect(tables).toEqual(
        expect.arrayContaining([
          'conversations',
          'conversation_keys',
          'messages',
          'settings',
          'staff',
          'staff_sessions',
        ]),
      );
      expect(rows.filter((row) => row.startsWith('messages ') && row.includes(conversationId))).toHaveLength(2);
      expect(
        rows.some((row) => row.startsWith('conversations ') && row.includes('"closed_reason":"visitor_left"')),
      ).toBe(true);

      // The bearer secrets are stored only as hashes: a copy of the database resumes nothing, logs in no one.
      const sessionId = cookie.slice(cookie.indexOf('=') + 1, cookie.lastIndexOf('.'));
      expect(sessionId.length).toBeGreaterThanOrEqual(43);
      for (const secret of [started.token as string, sessionId]) {
        expect(rows.filter((row) => row.includes(secret))).toEqual([]);
        expect(server.logs.filter((line) => line.includes(secret))).toEqual([]);
      }

      expect(server.logs.join('').length).toBeGreaterThan(0);
      for (const needle of needles) {
        expect(
          rows.filter((row) => row.includes(needle) || row.includes(hex(needle))),
          `database rows holding ${needle}`,
        ).toEqual([]);
        expect(
          server.logs.filter((line) => line.includes(needle) || line.includes(hex(needle))),
          `log lines holding ${needle}`,
        ).toEqual([]);
      }
    },
  );
});
