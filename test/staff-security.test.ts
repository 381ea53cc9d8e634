// Staff account security over HTTP, on PGlite and PostgreSQL: password rules and change, two-step login with
// TOTP (codes used once, recovery codes once), admins requiring two-factor authentication or resetting a
// colleague's, login throttling that cannot lock a colleague out, and what the audit log says of it all.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defaultThrottleRules } from '../src/core/login-throttle.ts';
import { base32Decode, totpAt } from '../src/server/services/totp.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

const ADMIN = { username: 'admin', password: 'a quiet dawn harbour' };
const NADIA = { username: 'nadia', password: 'seven tulips by the sea' };

describe.each(kinds)('staff account security on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available, env: { TRUST_PROXY: 'true' } });

  async function call(
    method: string,
    path: string,
    { body, cookie, from = '198.51.100.7' }: { body?: unknown; cookie?: string; from?: string } = {},
  ) {
    const response = await fetch(`${suite.server.url}${path}`, {
      method,
      headers: {
        'x-forwarded-for': from,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    return {
      status: response.status,
      headers: response.headers,
      cookie: setCookie ? (setCookie.split(';')[0] ?? '') : null,
      json: (await response.json()) as any,
    };
  }

  async function member(who: { username: string; password: string }, role: 'admin' | 'counselor' = 'counselor') {
    await suite.server.havre.accounts.create({ ...who, displayName: who.username, role });
  }

  async function signedIn(who: { username: string; password: string }, from?: string): Promise<string> {
    const answer = await call('POST', '/api/auth/login', { body: who, from });
    expect(answer.json).toMatchObject({ ok: true, step: 'done' });
    return answer.cookie as string;
  }

  const codeNow = (secret: string, shiftMs = 0) =>
    totpAt(base32Decode(secret), suite.server.clock.now().getTime() + shiftMs);

  /** Nadia turns two-factor authentication on from her account page; answers her secret and recovery codes. */
  async function enrolled(cookie: string) {
    const started = await call('POST', '/api/account/totp/start', { cookie });
    expect(started.json.uri).toMatch(/^otpauth:\/\/totp\/Havre%3Anadia\?secret=[A-Z2-7]{32}&/);
    const confirmed = await call('POST', '/api/account/totp/confirm', {
      cookie,
      body: { code: codeNow(started.json.secret) },
    });
    expect(confirmed.json.recoveryCodes).toHaveLength(10);
    // The code used to confirm may not serve again: move on one step.
    suite.server.clock.advance(30_000);
    return { secret: started.json.secret as string, recoveryCodes: confirmed.json.recoveryCodes as string[] };
  }

  async function auditActions() {
    const admin = await signedIn(ADMIN);
    const { entries } = (await call('GET', '/api/admin/audit', { cookie: admin })).json;
    return entries as { action: string; actorName: string | null; targetId: string | null; details: object }[];
  }

  it.skipIf(!available)(
    'refuses common passwords and ones built on the username, wherever a password is chosen',
    async () => {
      await member(ADMIN, 'admin');
      const admin = await signedIn(ADMIN);
      const create = (password: string) =>
        call('POST', '/api/admin/staff', {
          cookie: admin,
          body: { username: 'bob', displayName: 'Bob', role: 'counselor', password },
        });
      expect((await create('Password2024!')).json.error.code).toBe('PASSWORD_TOO_COMMON');
      expect((await create('azertyuiop123')).json.error.code).toBe('PASSWORD_TOO_COMMON');
      expect((await create('bob likes gardens')).json.error.code).toBe('PASSWORD_CONTAINS_USERNAME');
      expect((await create('seven tulips by the sea')).status).toBe(201);

      const change = (currentPassword: string, newPassword: string) =>
        call('POST', '/api/account/password', { cookie: admin, body: { currentPassword, newPassword } });
      expect((await change('not my password', 'another calm harbour')).json.error.code).toBe('WRONG_CURRENT_PASSWORD');
      expect((await change(ADMIN.password, 'short one')).json.error.code).toBe('PASSWORD_TOO_SHORT');
      expect((await change(ADMIN.password, 'qwerty123456')).json.error.code).toBe('PASSWORD_TOO_COMMON');
      expect((await change(ADMIN.password, 'the admin of havre')).json.error.code).toBe('PASSWORD_CONTAINS_USERNAME');
    },
  );

  it.skipIf(!available)('changes her password with the current one and ends her other sessions', async () => {
    await member(ADMIN, 'admin');
    await member(NADIA);
    const here = await signedIn(NADIA);
    const elsewhere = await signedIn(NADIA, '203.0.113.9');
    const newPassword = 'lanterns over the harbour';
    const changed = await call('POST', '/api/account/password', {
      cookie: here,
      body: { currentPassword: NADIA.password, newPassword },
    });
    expect(changed.json).toEqual({ ok: true });
    expect((await call('GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { body: NADIA })).status).toBe(401);
    await signedIn({ username: 'nadia', password: newPassword });
    expect((await auditActions()).map((entry) => entry.action)).toContain('staff.password_changed');
  });

  it.skipIf(!available)(
    'logs in in two steps once TOTP is on, accepting each code once and each recovery code once',
    async () => {
      await member(ADMIN, 'admin');
      await member(NADIA);
      const { secret, recoveryCodes } = await enrolled(await signedIn(NADIA));
      const stored = await sql<{ secret: Uint8Array }>`select secret from staff_totp`.execute(suite.server.havre.db);
      expect(Buffer.from(stored.rows[0]?.secret ?? []).includes(base32Decode(secret))).toBe(false);

      const first = await call('POST', '/api/auth/login', { body: NADIA });
      expect(first.json).toMatchObject({ ok: true, step: 'totp', loginToken: expect.any(String) });
      expect(first.cookie).toBeNull();
      const wrong = await call('POST', '/api/auth/login/code', {
        body: { loginToken: first.json.loginToken, code: '000000' },
      });
      expect(wrong).toMatchObject({ status: 401, json: { error: { code: 'INVALID_TOTP_CODE' } } });
      const code = codeNow(secret);
      const second = await call('POST', '/api/auth/login/code', { body: { loginToken: first.json.loginToken, code } });
      expect(second.json).toMatchObject({ ok: true, step: 'done', me: { username: 'nadia' } });
      expect((await call('GET', '/api/auth/me', { cookie: second.cookie as string })).status).toBe(200);

      const again = await call('POST', '/api/auth/login', { body: NADIA });
      const replayed = await call('POST', '/api/auth/login/code', {
        body: { loginToken: again.json.loginToken, code },
      });
      expect(replayed.json.error.code).toBe('INVALID_TOTP_CODE');
      const recovery = recoveryCodes[0]?.toLowerCase().replaceAll('-', ' ') as string;
      const recovered = await call('POST', '/api/auth/login/code', {
        body: { loginToken: again.json.loginToken, code: recovery },
      });
      expect(recovered.json).toMatchObject({ ok: true, step: 'done' });
      const reused = await call('POST', '/api/auth/login/code', {
        body: { loginToken: again.json.loginToken, code: recovery },
      });
      expect(reused.json.error.code).toBe('INVALID_TOTP_CODE');
      expect(
        (await call('GET', '/api/account/security', { cookie: recovered.cookie as string })).json.security,
      ).toEqual({
        totpEnabled: true,
        totpRequired: false,
        recoveryCodesLeft: 9,
      });

      // A login token is good for five minutes only.
      suite.server.clock.advance(5 * 60_000);
      const late = await call('POST', '/api/auth/login/code', {
        body: { loginToken: again.json.loginToken, code: codeNow(secret) },
      });
      expect(late.json.error.code).toBe('LOGIN_STEP_EXPIRED');

      const actions = (await auditActions()).map((entry) => [entry.action, entry.details]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['totp.enabled', {}],
          ['staff.login', { second_factor: 'totp' }],
          ['staff.login', { second_factor: 'recovery_code' }],
          ['totp.recovery_code_used', { left: 9 }],
          ['staff.login_failed', { step: 'code' }],
        ]),
      );
    },
  );

  it.skipIf(!available)('turns TOTP off only with a current code, and lets an admin reset a colleague’s', async () => {
    await member(ADMIN, 'admin');
    await member(NADIA);
    const cookie = await signedIn(NADIA);
    const { secret } = await enrolled(cookie);
    expect(
      (await call('POST', '/api/account/totp/disable', { cookie, body: { code: '123456' } })).json.error.code,
    ).toBe('INVALID_TOTP_CODE');
    const admin = await signedIn(ADMIN);
    await call('PUT', '/api/admin/security', { cookie: admin, body: { requireTotp: true } });
    expect(
      (await call('POST', '/api/account/totp/disable', { cookie, body: { code: codeNow(secret) } })).json.error.code,
    ).toBe('TOTP_REQUIRED');
    await call('PUT', '/api/admin/security', { cookie: admin, body: { requireTotp: false } });
    expect((await call('POST', '/api/account/totp/disable', { cookie, body: { code: codeNow(secret) } })).json.ok).toBe(
      true,
    );
    expect((await call('POST', '/api/auth/login', { body: NADIA })).json.step).toBe('done');

    await enrolled(cookie);
    expect((await call('POST', '/api/auth/login', { body: NADIA })).json.step).toBe('totp');
    const nadia = (await call('GET', '/api/admin/staff', { cookie: admin })).json.staff.find(
      (s: any) => s.username === 'nadia',
    );
    expect(nadia.totpEnabled).toBe(true);
    expect((await call('POST', `/api/admin/staff/${nadia.id}/totp/reset`, { cookie })).status).toBe(403);
    expect((await call('POST', `/api/admin/staff/${nadia.id}/totp/reset`, { cookie: admin })).json.ok).toBe(true);
    // Her own is turned off from her account page, with a code: not by resetting it as an admin.
    const me = (await call('GET', '/api/auth/me', { cookie: admin })).json.me;
    expect((await call('POST', `/api/admin/staff/${me.id}/totp/reset`, { cookie: admin })).status).toBe(403);
    expect((await call('POST', '/api/auth/login', { body: NADIA })).json.step).toBe('done');
    const disabled = (await auditActions()).filter((entry) => entry.action === 'totp.disabled');
    expect(disabled.map((entry) => entry.details)).toEqual([{ by: 'admin' }, { by: 'self' }]);
  });

  it.skipIf(!available)(
    'makes a member enrol right after her password when admins require it, before any session',
    async () => {
      await member(ADMIN, 'admin');
      await member(NADIA);
      const admin = await signedIn(ADMIN);
      const policy = await call('PUT', '/api/admin/security', { cookie: admin, body: { requireTotp: true } });
      expect(policy.json.policy).toEqual({ requireTotp: true });

      const first = await call('POST', '/api/auth/login', { body: NADIA });
      expect(first.json).toMatchObject({ ok: true, step: 'enrol' });
      expect(first.cookie).toBeNull();
      const { loginToken } = first.json;
      expect(
        (await call('POST', '/api/auth/login/code', { body: { loginToken, code: '123456' } })).json.error.code,
      ).toBe('LOGIN_STEP_EXPIRED');
      const started = await call('POST', '/api/auth/login/enrol/start', { body: { loginToken } });
      const wrong = await call('POST', '/api/auth/login/enrol/confirm', { body: { loginToken, code: '000000' } });
      expect(wrong.json.error.code).toBe('INVALID_TOTP_CODE');
      const done = await call('POST', '/api/auth/login/enrol/confirm', {
        body: { loginToken, code: codeNow(started.json.secret) },
      });
      expect(done.json).toMatchObject({ ok: true, step: 'done', me: { username: 'nadia' } });
      expect(done.json.recoveryCodes).toHaveLength(10);
      expect((await call('GET', '/api/auth/me', { cookie: done.cookie as string })).status).toBe(200);
      suite.server.clock.advance(30_000);
      expect((await call('POST', '/api/auth/login', { body: NADIA })).json.step).toBe('totp');
    },
  );

  it.skipIf(!available)(
    'lets her in from her own browser however many networks guess at her account, and counts bursts',
    async () => {
      await member(NADIA);
      const first = await call('POST', '/api/auth/login', { body: NADIA, from: '198.51.100.20' });
      const device = first.headers.getSetCookie().find((c: string) => c.startsWith('havre_device='));
      expect(device).toMatch(/; Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=2592000$/);
      const deviceCookie = (device as string).split(';')[0] as string;

      // Guesses at her account from forty networks, three each, all at once: the account's counter fills.
      const guesses = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          call('POST', '/api/auth/login', {
            body: { username: 'nadia', password: 'a wrong guess here' },
            from: `203.0.113.${i % 40}`,
          }),
        ),
      );
      // Counted as they start: no more than the free attempts were checked at all.
      const checked = guesses.filter((guess) => guess.status === 401).length;
      expect(checked).toBeLessThanOrEqual(defaultThrottleRules.account.free + 1);
      expect(guesses.filter((guess) => guess.status === 429).length).toBe(120 - checked);

      // A new network without her device cookie waits; her browser, on a network never seen, gets in.
      expect((await call('POST', '/api/auth/login', { body: NADIA, from: '192.0.2.200' })).status).toBe(429);
      const mine = await call('POST', '/api/auth/login', { body: NADIA, from: '192.0.2.201', cookie: deviceCookie });
      expect(mine.json).toMatchObject({ ok: true, step: 'done' });
      // A forged or someone else's device cookie vouches for nothing.
      const forged = `${deviceCookie.slice(0, -3)}abc`;
      expect((await call('POST', '/api/auth/login', { body: NADIA, from: '192.0.2.202', cookie: forged })).status).toBe(
        429,
      );
    },
  );

  it.skipIf(!available)(
    'lets her in from her own browser after a burst of guesses from her own network, at her and at others',
    async () => {
      await member(ADMIN, 'admin');
      const office = '198.51.100.30';
      const first = await call('POST', '/api/auth/login', { body: ADMIN, from: office });
      const device = (first.headers.getSetCookie().find((c: string) => c.startsWith('havre_device=')) ?? '').split(
        ';',
      )[0];
      // Behind a proxy Havre was not told of, everyone is one network: a guesser there hits every name, hers too.
      for (let i = 0; i < 25; i++) {
        const username = i % 2 === 0 ? 'admin' : `someone${i}`;
        await call('POST', '/api/auth/login', { body: { username, password: 'a wrong guess here' }, from: office });
      }
      expect((await call('POST', '/api/auth/login', { body: ADMIN, from: office })).status).toBe(429);
      const mine = await call('POST', '/api/auth/login', { body: ADMIN, from: office, cookie: device });
      expect(mine.json).toMatchObject({ ok: true, step: 'done' });
    },
  );

  it.skipIf(!available)('throttles and audits guesses at the current password from inside a session', async () => {
    await member(ADMIN, 'admin');
    await member(NADIA);
    const cookie = await signedIn(NADIA);
    const guess = () =>
      call('POST', '/api/account/password', {
        cookie,
        body: { currentPassword: 'not my password', newPassword: 'un tout autre secret 42' },
      });
    for (let i = 0; i < 6; i++) expect((await guess()).json.error.code).toBe('WRONG_CURRENT_PASSWORD');
    expect((await guess()).json.error.code).toBe('LOGIN_THROTTLED');
    const failed = (await auditActions()).filter((entry) => entry.action === 'staff.login_failed');
    expect(failed.map((entry) => entry.details)).toEqual(Array(6).fill({ step: 'password_change' }));
  });

  it.skipIf(!available)('throttles guessing per network without locking the colleague out from hers', async () => {
    await member(ADMIN, 'admin');
    await member(NADIA);
    const guess = (from: string, username = 'nadia') =>
      call('POST', '/api/auth/login', { body: { username, password: 'a wrong guess here' }, from });
    for (let i = 0; i < 6; i++) expect((await guess('192.0.2.66')).status).toBe(401);
    const throttled = await guess('192.0.2.66');
    expect(throttled).toMatchObject({ status: 429, json: { error: { code: 'LOGIN_THROTTLED' } } });
    // Thirty seconds from the last failure, on a clock that runs at the real pace.
    const wait = Number(throttled.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(30);
    expect(throttled.json.error.retryAfterSeconds).toBe(wait);
    // Even the right password waits on that network; Nadia's own network is not slowed.
    expect((await call('POST', '/api/auth/login', { body: NADIA, from: '192.0.2.66' })).status).toBe(429);
    await signedIn(NADIA, '198.51.100.20');
    suite.server.clock.advance(30_000);
    expect((await guess('192.0.2.66')).status).toBe(401);

    // A network that tries many names is slowed for every name, existing or not.
    for (let i = 0; i < 21; i++) await guess('192.0.2.99', `someone${i}`);
    expect((await call('POST', '/api/auth/login', { body: ADMIN, from: '192.0.2.99' })).status).toBe(429);
    await signedIn(ADMIN, '198.51.100.21');

    // Failures are audited for the real account only; a name that matches no account is never stored. A
    // throttled login is said too, once a minute at most per account (Nadia twice, the admin once, above).
    const failed = (await auditActions()).filter((entry) => entry.action === 'staff.login_failed');
    const step = (entry: { details: object }) => (entry.details as { step?: string }).step;
    expect(failed.filter((entry) => step(entry) === 'password')).toHaveLength(7);
    const staffRows = await suite.server.havre.db.selectFrom('staff').select(['id', 'username']).execute();
    const idOf = (username: string) => staffRows.find((row) => row.username === username)?.id;
    expect(
      failed
        .filter((entry) => step(entry) === 'throttled')
        .map((entry) => entry.targetId)
        .sort(),
    ).toEqual([idOf(NADIA.username), idOf(ADMIN.username)].sort());
    const rows = await sql<{ row: string }>`select row_to_json(a)::text as row from audit_log a`.execute(
      suite.server.havre.db,
    );
    expect(rows.rows.map((r) => r.row).join()).not.toMatch(/someone|192\.0\.2|198\.51/);
  });
});
