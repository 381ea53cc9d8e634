// Who may do what: every HTTP route and every staff socket event, tried by someone logged out (as every visitor
// is: visitors have no session), a counselor, a supervisor and an admin. The routes and events are read from the
// running server, so one added without a rule here fails this test until it is given one.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import type { Role } from '../src/protocol/schemas.ts';
import { aCounselor, aVisitor, type Counselor } from './support/clients.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** The least a caller must be: anyone (no session), any staff member, a supervisor (or admin), an admin. */
type Access = 'anyone' | 'staff' | 'supervisor' | 'admin';
type Caller = 'logged out' | Role;

const rank: Record<Caller | Access, number> = {
  'logged out': 0,
  anyone: 0,
  staff: 1,
  counselor: 1,
  supervisor: 2,
  admin: 3,
};
const staffCallers: Role[] = ['counselor', 'supervisor', 'admin'];

const httpRules: Record<string, Access> = {
  'GET /': 'anyone',
  'GET /console': 'anyone',
  'GET /assets/*': 'anyone',
  'GET /favicon.svg': 'anyone',
  'GET /healthz': 'anyone',
  'GET /readyz': 'anyone',
  'GET /api/status': 'anyone',
  'GET /api/setup': 'anyone',
  'POST /api/setup': 'anyone',
  'POST /api/auth/login': 'anyone',
  'POST /api/auth/logout': 'anyone',
  // The second login steps are reached with the short-lived token of a correct password, not a session.
  'POST /api/auth/login/code': 'anyone',
  'POST /api/auth/login/enrol/start': 'anyone',
  'POST /api/auth/login/enrol/confirm': 'anyone',
  'GET /api/auth/me': 'staff',
  'GET /api/account/security': 'staff',
  'POST /api/account/password': 'staff',
  'POST /api/account/totp/start': 'staff',
  'POST /api/account/totp/confirm': 'staff',
  'POST /api/account/totp/disable': 'staff',
  'GET /api/admin/security': 'admin',
  'PUT /api/admin/security': 'admin',
  'POST /api/admin/staff/:id/totp/reset': 'admin',
  // Every staff member keeps her own answers; team answers are checked inside (test/canned-answers.test.ts).
  'GET /api/canned-answers': 'staff',
  'POST /api/canned-answers': 'staff',
  'PUT /api/canned-answers/:id': 'staff',
  'DELETE /api/canned-answers/:id': 'staff',
  'GET /api/admin/staff': 'admin',
  'POST /api/admin/staff': 'admin',
  'PATCH /api/admin/staff/:id': 'admin',
  'GET /api/admin/settings': 'admin',
  'PUT /api/admin/settings': 'admin',
  'GET /api/admin/audit': 'admin',
  'GET /api/admin/audit.csv': 'admin',
  // Impact statistics: supervisors and admins (decision 0027).
  'GET /api/statistics': 'supervisor',
  'GET /api/statistics.csv': 'supervisor',
  // The visitor's one question at the end: proved by her resume token, not by a session.
  'POST /api/survey': 'anyone',
};

const someone = randomUUID();
/** A valid payload for each staff event, naming a conversation that is nobody's. */
const socketRules: Record<string, { access: Access; payload: unknown }> = {
  'presence:set': { access: 'staff', payload: { status: 'paused' } },
  'queue:take-next': { access: 'staff', payload: {} },
  'message:send': { access: 'staff', payload: { conversationId: someone, clientId: randomUUID(), text: 'x' } },
  'message:history': { access: 'staff', payload: { conversationId: someone, afterSeq: 0 } },
  typing: { access: 'staff', payload: { conversationId: someone, typing: true } },
  'conversation:end': { access: 'staff', payload: { conversationId: someone } },
  'closing-form:submit': {
    access: 'staff',
    payload: {
      conversationId: someone,
      answers: { violenceTypes: [], author: null, ageBracket: null, actions: ['listening'], services: [], comment: '' },
    },
  },
  'note:add': { access: 'staff', payload: { conversationId: someone, text: 'x' } },
  'note:list': { access: 'staff', payload: { conversationId: someone } },
  'transfer:colleagues': { access: 'staff', payload: {} },
  'conversation:transfer': { access: 'staff', payload: { conversationId: someone, toStaffId: someone, note: '' } },
  'message:read': { access: 'staff', payload: { conversationId: someone, seq: 1 } },
  'conversation:block': { access: 'staff', payload: { conversationId: someone } },
  'supervision:board': { access: 'supervisor', payload: {} },
  // Leaving a room does nothing to someone who was never let in: any staff member may.
  'supervision:board-leave': { access: 'staff', payload: {} },
  'supervision:watch': { access: 'supervisor', payload: { conversationId: someone } },
  'supervision:unwatch': { access: 'staff', payload: { conversationId: someone } },
  'supervision:whisper': {
    access: 'supervisor',
    payload: { conversationId: someone, clientId: randomUUID(), text: 'x' },
  },
  'supervision:take-over': { access: 'supervisor', payload: { conversationId: someone } },
  'supervision:unblock': { access: 'supervisor', payload: { blockId: someone } },
  'supervision:closed-list': { access: 'supervisor', payload: {} },
  'supervision:read-closed': { access: 'supervisor', payload: { conversationId: someone } },
  // Last: it changes who may come in. Open again, as it was.
  'supervision:intake-mode': { access: 'supervisor', payload: { mode: 'open', message: null } },
  'supervision:raid-mode': { access: 'supervisor', payload: { on: false, message: null } },
  'supervision:end-wave': { access: 'supervisor', payload: { withinMinutes: 5, includeUrgent: false, preview: true } },
};

let server: TestServer;
const staff = new Map<Role, Counselor>();

beforeAll(async () => {
  server = await startTestServer('pglite');
  for (const role of staffCallers) staff.set(role, await aCounselor(server, { role, available: false }));
});
afterAll(async () => {
  for (const member of staff.values()) member.close();
  await server.stop();
});

/** A concrete path for a route: an id for each parameter, a file name for a wildcard. */
const pathOf = (url: string) => url.replace(/:[a-zA-Z]+/g, randomUUID()).replace('*', 'index.js');

async function statusOf(method: string, url: string, cookie?: string): Promise<number> {
  const response = await fetch(`${server.url}${pathOf(url)}`, {
    method,
    headers: {
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: method === 'GET' ? undefined : '{}',
  });
  await response.arrayBuffer();
  return response.status;
}

describe('HTTP routes', () => {
  it('each has a rule', () => {
    const unknown = server.havre.routes
      .map(({ method, url }) => `${method} ${url}`)
      .filter((route) => !(route in httpRules));
    expect(unknown).toEqual([]);
    expect(server.havre.routes.length).toBeGreaterThanOrEqual(Object.keys(httpRules).length);
  });

  it('are refused (401 logged out, 403 below the role) or let through, as their rule says', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { method, url } of server.havre.routes) {
      const access = httpRules[`${method} ${url}`] ?? 'admin';
      // Logging out ends the session used: it is tried logged out only (it is open to anyone).
      const callers: Caller[] = url === '/api/auth/logout' ? ['logged out'] : ['logged out', ...staffCallers];
      for (const caller of callers) {
        const cookie = caller === 'logged out' ? undefined : staff.get(caller)?.cookie;
        const status = await statusOf(method, url, cookie);
        const verdict = status === 401 || status === 403 ? `refused ${status}` : 'let through';
        outcomes.push(`${method} ${url} as ${caller}: ${verdict}`);
        const allowed = rank[caller] >= rank[access];
        expected.push(
          `${method} ${url} as ${caller}: ${allowed ? 'let through' : `refused ${caller === 'logged out' ? 401 : 403}`}`,
        );
      }
    }
    expect(outcomes).toEqual(expected);
  });
});

describe('staff socket events', () => {
  it('each has a rule', () => {
    const [socket] = server.havre.io.of(namespaces.staff).sockets.values();
    const handled = (socket?.eventNames() ?? [])
      .map(String)
      .filter((name) => name !== 'disconnect' && name !== 'error');
    expect(handled.filter((name) => !(name in socketRules))).toEqual([]);
    expect(Object.keys(socketRules).filter((name) => !handled.includes(name))).toEqual([]);
  });

  it('are answered FORBIDDEN below the role, and otherwise reach the use case', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const caller of staffCallers) {
      const member = staff.get(caller) as Counselor;
      for (const [event, { access, payload }] of Object.entries(socketRules)) {
        const ack = (await member.ask(event, payload)) as { ok: boolean; error?: { code: string } };
        outcomes.push(`${event} as ${caller}: ${ack.error?.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'reached'}`);
        expected.push(`${event} as ${caller}: ${rank[caller] >= rank[access] ? 'reached' : 'FORBIDDEN'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('cannot be sent by anyone without a staff session, nor through the visitor namespace', async () => {
    const anonymous = io(`${server.url}${namespaces.staff}`, { transports: ['websocket'], forceNew: true });
    const refusal = await new Promise<Error>((resolve) => anonymous.once('connect_error', resolve));
    expect(refusal.message).toBe('UNAUTHENTICATED');
    anonymous.close();

    const visitor = await aVisitor(server);
    const answers = await Promise.all(
      Object.entries(socketRules).map(([event, { payload }]) =>
        visitor.socket
          .timeout(1000)
          .emitWithAck(event, payload)
          .catch(() => ({ ok: false, error: { code: 'NO_HANDLER' } })),
      ),
    );
    expect(answers.filter((answer) => answer.ok)).toEqual([]);
    visitor.close();
  });
});
