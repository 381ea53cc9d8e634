// Same-site request forgery (issue 11, item 2): the chat at chat.havre.test, the association's other site at
// www.havre.test (same site: the staff cookies, SameSite=Strict, ride along). A hostile page there posts
// forms and no-cors fetches to each class of route with the admin's cookie, and opens the staff socket. Every
// one must be refused, and nothing may change. Both names resolve to this machine only (Chromium's host
// resolver rules); nothing else resolves at all.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from '../../src/server/services/totp.ts';
import { chromiumFlags, chromiumPath, desktop } from '../support/browser.ts';
import { loginCookie } from '../support/clients.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let browser: Browser;
let server: TestServer;
let sibling: Server;
let hostile = '';

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumFlags, '--host-resolver-rules=MAP *.havre.test 127.0.0.1, MAP * ~NOTFOUND'],
  });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer('pglite');
  sibling = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostile);
  });
  await new Promise<void>((resolve) => sibling.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  sibling.closeAllConnections();
  await new Promise((resolve) => sibling.close(resolve));
  await server.stop();
});

async function api(method: string, path: string, cookie: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any };
}

/** A colleague with two-factor authentication on, and a signed-in admin. */
async function team() {
  const { accounts } = server.havre;
  await accounts.create({ username: 'admin', displayName: 'Admin', password: 'admin password 123', role: 'admin' });
  await accounts.create({ username: 'nadia', displayName: 'Nadia', password: 'nadia password 123', role: 'counselor' });
  const nadia = await loginCookie(server, 'nadia', 'nadia password 123');
  const started = await api('POST', '/api/account/totp/start', nadia);
  const code = totpAt(base32Decode(started.json.secret), server.clock.now().getTime());
  expect((await api('POST', '/api/account/totp/confirm', nadia, { code })).json.ok).toBe(true);
  const admin = await loginCookie(server, 'admin', 'admin password 123');
  const staff = (await api('GET', '/api/admin/staff', admin)).json.staff as { id: string; username: string }[];
  const nadiaId = staff.find((member) => member.username === 'nadia')?.id as string;
  return { admin, nadiaId };
}

describe('a hostile page on a sibling origin', () => {
  it('cannot change anything with the staff cookie, by form or fetch, nor open the staff socket', async () => {
    const { admin, nadiaId } = await team();
    const answersBefore = (await api('GET', '/api/canned-answers', admin)).json.answers;
    const port = new URL(server.url).port;
    const chat = `http://chat.havre.test:${port}`;
    const [name, value] = admin.split('=') as [string, string];
    const context = await browser.newContext(desktop);
    context.setDefaultTimeout(15_000);
    await context.addCookies([{ name, value, url: chat, httpOnly: true, sameSite: 'Strict' }]);

    // One forged request per class of route: admin, account, sign-in, staff tools.
    const forms: [string, string][] = [
      ['reset', `/api/admin/staff/${nadiaId}/totp/reset`],
      ['enrol', '/api/account/totp/start'],
      ['logout', '/api/auth/logout'],
    ];
    hostile = `<!doctype html><title>Blog</title>
      ${forms
        .map(
          ([id, path]) => `<iframe name="${id}"></iframe>
          <form id="${id}" method="post" enctype="text/plain" action="${chat}${path}" target="${id}">
            <input name='{"a":"' value='"}'></form>`,
        )
        .join('')}
      <script>
        window.forged = (async () => {
          const canned = await fetch('${chat}/api/canned-answers', {
            method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ kind: 'text', scope: 'shared', shortcut: 'piege', title: 'Piège', text: 'x' }),
          }).then(() => 'sent', () => 'failed');
          const socket = await new Promise((resolve) => {
            const ws = new WebSocket('ws://chat.havre.test:${port}/socket.io/?EIO=4&transport=websocket');
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve('refused');
          });
          return { canned, socket };
        })();
      </script>`;
    const page = await context.newPage();
    const statuses = new Map<string, number>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/api/')) statuses.set(path, response.status());
    });
    await page.goto(`http://www.havre.test:${(sibling.address() as AddressInfo).port}/`);
    const { canned, socket } = await page.evaluate(() => (window as unknown as { forged: Promise<any> }).forged);
    for (const [id] of forms)
      await page.evaluate((form) => (document.getElementById(form) as HTMLFormElement).submit(), id);
    await expect.poll(() => statuses.size, { timeout: 10_000 }).toBe(forms.length + 1);

    // The browser did send each one (the cookie rode along); Havre refused them all.
    expect(canned).toBe('sent');
    for (const [, path] of forms) expect(statuses.get(path), path).toBe(403);
    expect(statuses.get('/api/canned-answers')).toBe(403);
    expect(socket).toBe('refused');

    // And nothing changed: her two-factor authentication is on, the admin still signed in, no answer saved.
    const staff = (await api('GET', '/api/admin/staff', admin)).json.staff as { id: string; totpEnabled: boolean }[];
    expect(staff.find((member) => member.id === nadiaId)?.totpEnabled).toBe(true);
    expect((await api('GET', '/api/auth/me', admin)).status).toBe(200);
    expect((await api('GET', '/api/canned-answers', admin)).json.answers).toEqual(answersBefore);
    await context.close();
  });
});
