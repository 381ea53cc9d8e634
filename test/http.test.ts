// The HTTP API: status, first-admin set-up, login and logout, admin routes and their access rules,
// validation and security headers. Storage rules are covered on both databases by conversation.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCounselor, loginCookie } from './support/clients.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer('pglite');
});
afterEach(async () => {
  await server.stop();
});

async function call(method: string, path: string, { body, cookie }: { body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as any };
}

async function anAdmin(): Promise<string> {
  await server.havre.accounts.create({
    username: 'admin',
    displayName: 'Admin',
    password: 'admin password 123',
    role: 'admin',
  });
  return loginCookie(server, 'admin', 'admin password 123');
}

describe('status', () => {
  it('tells anyone whether the chat is open, with the hours and the next opening', async () => {
    const { status, json, headers } = await call('GET', '/api/status');
    expect(status).toBe(200);
    expect(json.status).toMatchObject({ open: true, closesAt: '2026-12-02T17:00:00.000Z', counselorsAvailable: 0 });
    expect(json.status.schedule.timeZone).toBe('Europe/Paris');
    expect(headers.get('set-cookie')).toBeNull();
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('first admin set-up', () => {
  it('creates the first admin once, with the one-time token only', async () => {
    expect((await call('GET', '/api/setup')).json.needed).toBe(true);
    const token = await server.havre.accounts.issueSetupToken();
    const input = { username: 'first', displayName: 'First', password: 'a long harbour passphrase' };
    const wrong = await call('POST', '/api/setup', { body: { ...input, token: 'x'.repeat(43) } });
    expect(wrong).toMatchObject({ status: 403, json: { error: { code: 'INVALID_SETUP_TOKEN' } } });

    const done = await call('POST', '/api/setup', { body: { ...input, token } });
    expect(done).toMatchObject({ status: 200, json: { ok: true, me: { username: 'first', role: 'admin' } } });
    expect(done.headers.get('set-cookie')).toMatch(
      /^havre_staff=.+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect((await call('GET', '/api/setup')).json.needed).toBe(false);
    const again = await call('POST', '/api/setup', { body: { ...input, username: 'second', token } });
    expect(again.json.error.code).toBe('SETUP_DONE');
  });
});

describe('login and logout', () => {
  it('refuses a wrong password without saying which part was wrong', async () => {
    await anAdmin();
    for (const body of [
      { username: 'admin', password: 'wrong password' },
      { username: 'nobody', password: 'admin password 123' },
    ]) {
      expect(await call('POST', '/api/auth/login', { body })).toMatchObject({
        status: 401,
        json: { error: { code: 'INVALID_CREDENTIALS' } },
      });
    }
  });

  it('ends the live sockets of the session that logs out', async () => {
    const counselor = await aCounselor(server);
    expect((await call('GET', '/api/auth/me', { cookie: counselor.cookie })).json.me.role).toBe('counselor');
    const disconnected = new Promise((resolve) => counselor.socket.once('disconnect', resolve));
    expect((await call('POST', '/api/auth/logout', { cookie: counselor.cookie })).json.ok).toBe(true);
    expect(await disconnected).toBe('io server disconnect');
    expect((await call('GET', '/api/auth/me', { cookie: counselor.cookie })).status).toBe(401);
    counselor.close();
  });

  it('marks the cookie Secure when Havre is reached over https behind a proxy', async () => {
    await server.stop();
    server = await startTestServer('pglite', { env: { PUBLIC_URL: 'https://chat.example.org' } });
    await server.havre.accounts.create({
      username: 'admin',
      displayName: 'A',
      password: 'admin password 123',
      role: 'admin',
    });
    const login = await call('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'admin password 123' },
    });
    const [session, device] = login.headers.getSetCookie();
    expect(session).toMatch(/^havre_staff=.+; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
    expect(device).toMatch(/^havre_device=.+; Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=2592000; Secure$/);
  });

  it('tells browsers to keep to https when PUBLIC_URL is https, and never on plain http', async () => {
    for (const path of ['/', '/console', '/api/status', '/api/nothing-here']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('strict-transport-security')).toBeNull();
    }
    await server.stop();
    server = await startTestServer('pglite', { env: { PUBLIC_URL: 'https://chat.example.org' } });
    for (const path of ['/', '/console', '/api/status', '/api/nothing-here']) {
      const hsts = (await fetch(`${server.url}${path}`)).headers.get('strict-transport-security');
      expect(hsts, path).toBe('max-age=31536000');
    }
  });

  it('refuses a cookie whose signature does not match', async () => {
    const cookie = await anAdmin();
    const forged = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await call('GET', '/api/auth/me', { cookie: forged })).json.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('admin', () => {
  it('lets only admins manage staff and settings', async () => {
    const counselor = await aCounselor(server, { available: false });
    for (const [method, path] of [
      ['GET', '/api/admin/staff'],
      ['POST', '/api/admin/staff'],
      ['GET', '/api/admin/settings'],
      ['PUT', '/api/admin/settings'],
    ] as const) {
      const body = method === 'GET' ? undefined : {};
      expect((await call(method, path, { body })).json.error.code).toBe('UNAUTHENTICATED');
      expect((await call(method, path, { body, cookie: counselor.cookie })).json.error.code).toBe('FORBIDDEN');
    }
    counselor.close();
  });

  it('creates, lists and disables staff; a disabled account is logged out at once', async () => {
    const admin = await anAdmin();
    const weak = { username: 'bob', displayName: 'Bob', password: 'short', role: 'counselor' };
    expect((await call('POST', '/api/admin/staff', { body: weak, cookie: admin })).json.error).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: 'password: at least 12 characters',
    });
    const bob = { ...weak, password: 'calm harbour 1234' };
    const created = await call('POST', '/api/admin/staff', { body: bob, cookie: admin });
    expect(created).toMatchObject({
      status: 201,
      json: { staff: { username: 'bob', role: 'counselor', disabled: false } },
    });
    expect((await call('POST', '/api/admin/staff', { body: bob, cookie: admin })).json.error.code).toBe(
      'USERNAME_TAKEN',
    );
    expect((await call('GET', '/api/admin/staff', { cookie: admin })).json.staff.map((s: any) => s.username)).toEqual([
      'admin',
      'bob',
    ]);

    const bobCookie = await loginCookie(server, 'bob', 'calm harbour 1234');
    const disabled = await call('PATCH', `/api/admin/staff/${created.json.staff.id}`, {
      body: { disabled: true },
      cookie: admin,
    });
    expect(disabled.json.staff.disabled).toBe(true);
    expect((await call('GET', '/api/auth/me', { cookie: bobCookie })).status).toBe(401);
    const login = await call('POST', '/api/auth/login', { body: { username: 'bob', password: 'calm harbour 1234' } });
    expect(login.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('ends the live sockets of a member whose role changes, so that a demoted supervisor stops supervising', async () => {
    const admin = await anAdmin();
    const supervisor = await aCounselor(server, { role: 'supervisor', available: false });
    const dropped = new Promise<string>((resolve) => supervisor.socket.once('disconnect', resolve));
    const answer = await call('PATCH', `/api/admin/staff/${supervisor.id}`, {
      body: { role: 'counselor' },
      cookie: admin,
    });
    expect(answer.json.staff.role).toBe('counselor');
    expect(await dropped).toBe('io server disconnect');
    supervisor.close();
  });

  it('keeps at least one admin', async () => {
    const admin = await anAdmin();
    const me = (await call('GET', '/api/auth/me', { cookie: admin })).json.me;
    const answer = await call('PATCH', `/api/admin/staff/${me.id}`, { body: { disabled: true }, cookie: admin });
    expect(answer).toMatchObject({ status: 409, json: { error: { code: 'LAST_ADMIN' } } });
    expect((await call('PATCH', '/api/admin/staff/not-a-uuid', { body: {}, cookie: admin })).status).toBe(400);
  });

  it('refuses a change to an account that changes nothing, with a clear error', async () => {
    const admin = await anAdmin();
    const me = (await call('GET', '/api/auth/me', { cookie: admin })).json.me;
    const answer = await call('PATCH', `/api/admin/staff/${me.id}`, { body: {}, cookie: admin });
    expect(answer).toMatchObject({ status: 400, json: { error: { code: 'INVALID_PAYLOAD' } } });
  });

  it('validates settings and changes nothing on a bad value', async () => {
    const admin = await anAdmin();
    const { settings } = (await call('GET', '/api/admin/settings', { cookie: admin })).json;
    expect(settings.maxConversationsPerCounselor).toBe(2);
    const badZone = { ...settings, schedule: { ...settings.schedule, timeZone: 'Mars/Olympus' } };
    expect((await call('PUT', '/api/admin/settings', { body: badZone, cookie: admin })).json.error).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: 'schedule.timeZone: unknown time zone',
    });
    const backwards = {
      ...settings,
      schedule: { ...settings.schedule, slots: [{ day: 'wed', start: '18:00', end: '14:00' }] },
    };
    expect((await call('PUT', '/api/admin/settings', { body: backwards, cookie: admin })).status).toBe(400);

    const closedToday = {
      ...settings,
      schedule: { ...settings.schedule, closures: [{ date: '2026-12-02', label: 'Fermeture' }] },
    };
    expect((await call('PUT', '/api/admin/settings', { body: closedToday, cookie: admin })).json.ok).toBe(true);
    const { json } = await call('GET', '/api/status');
    expect(json.status).toMatchObject({ open: false, nextOpensAt: '2026-12-07T14:00:00.000Z' });
  });
});

describe('audit log', () => {
  it('records staff and settings changes without content, for admins only, and exports them as CSV', async () => {
    const admin = await anAdmin();
    const created = await call('POST', '/api/admin/staff', {
      body: { username: 'bob', displayName: 'Bob', password: 'calm harbour 1234', role: 'counselor' },
      cookie: admin,
    });
    await call('PATCH', `/api/admin/staff/${created.json.staff.id}`, { body: { role: 'supervisor' }, cookie: admin });
    const { settings } = (await call('GET', '/api/admin/settings', { cookie: admin })).json;
    await call('PUT', '/api/admin/settings', { body: { ...settings, retentionDays: 7 }, cookie: admin });
    await call('POST', '/api/auth/logout', { cookie: await loginCookie(server, 'bob', 'calm harbour 1234') });

    const { entries } = (await call('GET', '/api/admin/audit', { cookie: admin })).json;
    expect(entries.map((entry: any) => [entry.action, entry.actorName, entry.details])).toEqual(
      expect.arrayContaining([
        ['staff.created', 'Admin', { role: 'counselor' }],
        ['staff.updated', 'Admin', { role: 'supervisor' }],
        ['settings.changed', 'Admin', { changed: 'retentionDays' }],
        ['staff.logout', 'Bob', {}],
      ]),
    );
    expect(entries[0].action).toBe('staff.logout');
    const older = (await call('GET', `/api/admin/audit?before=${entries[0].id}&limit=1`, { cookie: admin })).json;
    expect(older.entries).toHaveLength(1);
    expect(older.entries[0].id).toBe(entries[1].id);

    const csv = await fetch(`${server.url}/api/admin/audit.csv`, { headers: { cookie: admin } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_id,actor_name,action,target_type,target_id,details');
    expect(lines).toHaveLength(entries.length + 1);
    expect(lines.join()).not.toContain('calm harbour');

    const bob = await loginCookie(server, 'bob', 'calm harbour 1234');
    expect((await call('GET', '/api/admin/audit', { cookie: bob })).json.error.code).toBe('FORBIDDEN');
    expect((await fetch(`${server.url}/api/admin/audit.csv`)).status).toBe(401);
  });
});

describe('long-lived staff sockets', () => {
  it('are disconnected once their session has expired', async () => {
    const counselor = await aCounselor(server);
    const disconnected = new Promise((resolve) => counselor.socket.once('disconnect', resolve));
    await server.havre.checkStaffSessions();
    expect(counselor.socket.connected).toBe(true);
    server.clock.advance(13 * 3600_000);
    await server.havre.checkStaffSessions();
    expect(await disconnected).toBe('io server disconnect');
    expect(await server.havre.db.selectFrom('staff_sessions').selectAll().execute()).toEqual([]);
    counselor.close();
  });

  it('close quietly when the server stops with counselors connected', async () => {
    const counselor = await aCounselor(server);
    await server.havre.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const errors = server.logs.filter((line) => JSON.parse(line).level >= 50);
    expect(errors).toEqual([]);
    counselor.close();
    server = await startTestServer('pglite');
  });
});

describe('settings reach live consoles', () => {
  it('sends connected counselors their new conversation limit at once', async () => {
    const admin = await anAdmin();
    const counselor = await aCounselor(server);
    const { settings } = (await call('GET', '/api/admin/settings', { cookie: admin })).json;
    await call('PUT', '/api/admin/settings', { body: { ...settings, maxConversationsPerCounselor: 4 }, cookie: admin });
    const state = await counselor.next('staff:state', (s: any) => s.me.maxConversations === 4);
    expect(state.me.status).toBe('available');
    counselor.close();
  });
});

describe('bad requests', () => {
  it('answers malformed JSON and oversize bodies with a clear error', async () => {
    const malformed = await call('POST', '/api/auth/login', { body: '{"username":' });
    expect(malformed).toMatchObject({ status: 400, json: { ok: false, error: { code: 'INVALID_PAYLOAD' } } });
    const huge = await call('POST', '/api/auth/login', { body: { username: 'a', password: 'p'.repeat(100_000) } });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'INVALID_PAYLOAD' } } });
    expect((await call('GET', '/api/nothing-here')).json.error.code).toBe('NOT_FOUND');
  });

  it('speaks JSON only: a text/plain body, the one an HTML form of another page can send, is refused', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ username: 'admin', password: 'admin password 123' }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('refuses a write that a page of another origin sent, before reading its cookie', async () => {
    const admin = await anAdmin();
    const forged: Record<string, string>[] = [{ origin: 'http://www.example.org' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of forged) {
      const response = await fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: admin, ...headers },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'CROSS_SITE' } });
    }
    expect((await call('GET', '/api/auth/me', { cookie: admin })).status).toBe(200);
  });
});

describe('tab icon', () => {
  it('serves the neutral icon the admin chose, and refuses one that does not exist', async () => {
    const first = await fetch(`${server.url}/favicon.svg`);
    expect(first.headers.get('content-type')).toContain('image/svg+xml');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const bubble = await first.text();
    const settings = await server.havre.settings.current();
    await server.havre.settings.update({ ...settings, visitorPage: { ...settings.visitorPage, icon: 'weather' } });
    const weather = await (await fetch(`${server.url}/favicon.svg`)).text();
    expect(weather).not.toBe(bubble);
    expect(weather).toMatch(/^<svg /);
    const unknown = { ...settings, visitorPage: { ...settings.visitorPage, icon: 'havre-logo' } };
    await expect(server.havre.settings.update(unknown)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });
});

describe('health and origins', () => {
  it('answers liveness and readiness', async () => {
    expect(await call('GET', '/healthz')).toMatchObject({ status: 200, json: { ok: true } });
    expect(await call('GET', '/readyz')).toMatchObject({ status: 200, json: { ok: true } });
  });

  it('refuses a socket opened by a page of another site', async () => {
    const { io } = await import('socket.io-client');
    const connect = (origin: string) => {
      const socket = io(`${server.url}/visitor`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin },
      });
      return new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      }).finally(() => socket.close());
    };
    expect(await connect('https://evil.example')).toBe(false);
    expect(await connect(server.url)).toBe(true);
  });
});
