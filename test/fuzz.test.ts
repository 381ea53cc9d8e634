// Every bad input gets a clear error, never INTERNAL and never a 5xx (issue 10, item 6). Arbitrary payloads
// (fast-check) go to every socket event of both namespaces and every HTTP route, on both databases, with the
// values that broke Havre when it was fuzzed from outside: sequence numbers past 2³¹, NUL and other control
// characters, a body that starts with a byte-order mark, odd schedules. The events and routes are read from
// the running server, so a new one is fuzzed too.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const RUNS = 300;
/** Every door wide open: the point is to reach the handlers, not the limits (test/limits.test.ts). */
const wide = { capacity: 1_000_000, refillPerSecond: 1_000_000 };
const limits = {
  visitorMessages: wide,
  visitorTyping: wide,
  visitorEvents: wide,
  staffMessages: wide,
  staffTyping: wide,
  staffEvents: wide,
  api: wide,
  status: wide,
  starts: wide,
};

/** Values that are wrong in the ways that matter, and some that are right. */
const edges = fc.oneof(
  fc.constantFrom<unknown>(
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53,
    -1,
    1.5,
    1e308,
    0,
    '',
    '\u0000',
    'a\u0000b',
    'bell\u0007',
    '\uFEFFx',
    'x'.repeat(5_000),
    '24:00',
    '25:61',
    '23:59',
    'Mars/Olympus',
    'Europe/Paris',
    'UTC',
    '2026-02-30',
    '9999-12-31',
    'mon',
    null,
    true,
    [],
    {},
    randomUUID(),
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * A valid payload with one to three of its fields (at any depth) replaced by edge values, or something else
 * altogether: so that handlers are reached past the shape of their input.
 */
function mutated(template: unknown): fc.Arbitrary<unknown> {
  if (template === null || typeof template !== 'object') return fc.oneof(edges, fc.constant(template));
  const entries = Object.entries(template as Record<string, unknown>);
  if (entries.length === 0) return fc.oneof(fc.constant(template), edges);
  const changed = fc.record(
    Object.fromEntries(
      entries.map(([key, value]) => [key, fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, mutated(value))]),
    ),
  );
  return fc.oneof({ weight: 8, arbitrary: Array.isArray(template) ? changed.map(Object.values) : changed }, edges);
}

describe.each(kinds)('arbitrary input on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available, limits });

  it.skipIf(!available)('never answers INTERNAL to any socket event', { timeout: 120_000 }, async () => {
    const admin = suite.track(await aCounselor(suite.server, { role: 'admin' }));
    const visitor = suite.track(await aVisitor(suite.server));
    const { token } = await visitor.ask('conversation:start');
    const { conversation } = await admin.ask('queue:take-next');
    const known = { conversationId: conversation.id as string, token: token as string };
    const id = known.conversationId;
    const uuid = randomUUID();
    const visitorTemplates: Record<string, unknown> = {
      'conversation:resume': { token: known.token, afterSeq: 0 },
      'message:history': { afterSeq: 0 },
      'message:read': { seq: 0 },
      'message:send': { clientId: uuid, text: 'x' },
      typing: { typing: true },
      'conversation:start': { locale: 'fr', tab: uuid, intake: { danger: 'no' } },
    };
    const staffTemplates: Record<string, unknown> = {
      'message:history': { conversationId: id, afterSeq: 0 },
      'message:read': { conversationId: id, seq: 0 },
      'message:send': { conversationId: id, clientId: uuid, text: 'x' },
      typing: { conversationId: id, typing: true },
      'note:add': { conversationId: id, text: 'x' },
      'note:list': { conversationId: id },
      'presence:set': { status: 'available' },
      'conversation:transfer': { conversationId: id, toStaffId: admin.id, note: '' },
      'supervision:whisper': { conversationId: id, clientId: uuid, text: 'x' },
      'supervision:watch': { conversationId: id },
      'supervision:read-closed': { conversationId: id },
      'supervision:intake-mode': { mode: 'open', message: null },
      'supervision:raid-mode': { on: false, message: null },
      'supervision:end-wave': { withinMinutes: 5, includeUrgent: false, preview: true },
      'closing-form:submit': {
        conversationId: id,
        answers: {
          violenceTypes: [],
          author: null,
          ageBracket: null,
          actions: ['listening'],
          services: [],
          comment: '',
        },
      },
    };
    const eventsOf = (namespace: string) => {
      const [socket] = suite.server.havre.io.of(namespace).sockets.values();
      return (socket?.eventNames() ?? []).map(String).filter((name) => name !== 'disconnect' && name !== 'error');
    };
    // Ending and blocking would end the conversation the others need: they are fuzzed on their own, last.
    const last = new Set(['conversation:end', 'conversation:block', 'supervision:take-over']);
    const events = [
      ...eventsOf(namespaces.visitor).map((event) => ({
        client: visitor,
        event,
        template: visitorTemplates[event] ?? {},
      })),
      ...eventsOf(namespaces.staff).map((event) => ({ client: admin, event, template: staffTemplates[event] ?? {} })),
    ];
    expect(events.length).toBeGreaterThan(25);
    const internal: string[] = [];
    const fuzz = async (chosen: typeof events, runs: number) =>
      fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...chosen)
            .chain((target) => mutated(target.template).map((payload) => ({ ...target, payload }))),
          async ({ client, event, payload }) => {
            if (!client.socket.connected) return;
            const ack = (await client.ask(event, payload).catch(() => null)) as { error?: { code?: string } } | null;
            if (ack?.error?.code === 'INTERNAL') internal.push(`${event} ${JSON.stringify(payload).slice(0, 160)}`);
          },
        ),
        { numRuns: runs },
      );
    await fuzz(
      events.filter(({ event }) => !last.has(event)),
      RUNS * 4,
    );
    await fuzz(
      events.filter(({ event }) => last.has(event)),
      RUNS / 3,
    );
    expect(internal).toEqual([]);
  });

  it.skipIf(!available)('never answers 5xx to any HTTP route', { timeout: 120_000 }, async () => {
    const admin = suite.track(await aCounselor(suite.server, { role: 'admin', available: false }));
    const visitor = suite.track(await aVisitor(suite.server));
    const { token } = await visitor.ask('conversation:start');
    void token;
    const settings = await (
      await fetch(`${suite.server.url}/api/admin/settings`, { headers: { cookie: admin.cookie } })
    ).json();
    const templates: Record<string, unknown> = {
      'POST /api/canned-answers': {
        kind: 'text',
        scope: 'personal',
        shortcut: 'essai',
        title: 'Essai',
        text: 'Bonjour',
      },
      'PUT /api/canned-answers/:id': { kind: 'text', scope: 'personal', shortcut: 'essai', title: 'Essai', text: 'x' },
      'POST /api/admin/staff': {
        username: 'nouvelle',
        displayName: 'Nouvelle',
        password: 'a long enough password',
        role: 'counselor',
      },
      'PATCH /api/admin/staff/:id': { disabled: false, role: 'counselor' },
      'PUT /api/admin/settings': settings.settings,
      'POST /api/auth/login': { username: 'someone', password: 'a long enough password' },
      'POST /api/setup': {
        token: 'x'.repeat(40),
        username: 'admin',
        displayName: 'Admin',
        password: 'a long enough password',
      },
      'POST /api/account/password': { currentPassword: 'a long enough password', newPassword: 'another long password' },
    };
    // Logging out, or turning two-factor on for everyone, would stop the rest from reaching anything.
    const routes = suite.server.havre.routes.filter(
      ({ method, url }) => !(method === 'POST' && url === '/api/auth/logout') && url !== '/api/admin/security',
    );
    const pathOf = (url: string) => url.replace(/:[a-zA-Z]+/g, randomUUID()).replace('*', 'index.js');
    const requests = fc.constantFrom(...routes).chain((route) =>
      fc
        .oneof(
          {
            weight: 6,
            arbitrary: mutated(templates[`${route.method} ${route.url}`] ?? {}).map((body) => JSON.stringify(body)),
          },
          mutated(templates[`${route.method} ${route.url}`] ?? {}).map((body) => `\uFEFF${JSON.stringify(body)}`),
          fc.string({ maxLength: 40 }),
        )
        .map((text) => ({ ...route, text })),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(requests, async ({ method, url, text }) => {
        const withBody = method !== 'GET' && method !== 'DELETE';
        const response = await fetch(`${suite.server.url}${pathOf(url)}`, {
          method,
          headers: { cookie: admin.cookie, ...(withBody ? { 'content-type': 'application/json' } : {}) },
          body: withBody ? text : undefined,
        });
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${method} ${url} → ${response.status}: ${text.slice(0, 120)}`);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(failures).toEqual([]);
  });
});
