// What a visitor's browser gives away and keeps: every request of a whole conversation on a phone stays on
// Havre's own origin, no cookie is set, the page carries the headers that keep it out of caches, referrers and
// frames, and its title is the admin's neutral one. With embed origins set, only those sites may frame it.
import { createHash } from 'node:crypto';
import type { BrowserContext, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor, newClientId } from '../support/clients.ts';

const NEUTRAL_TITLE = 'Recettes & saisons';
const ASSOCIATION = 'https://association.example';
const ELSEWHERE = 'https://elsewhere.example';

const suite = useBrowserSuite();

async function setVisitorPage(visitorPage: { title?: string; embedOrigins?: string[] }) {
  const current = await suite.server.havre.settings.current();
  await suite.server.havre.settings.update({
    ...current,
    // No intake screen: the test is about what leaves the browser, not about the questions.
    intake: { ...current.intake, enabled: false },
    visitorPage: { ...current.visitorPage, ...visitorPage },
  });
}

const aPhoneContext = (): Promise<BrowserContext> => suite.context(phone);

const frameAncestors = (headers: Record<string, string>) =>
  /frame-ancestors ([^;]*)/
    .exec(headers['content-security-policy'] ?? '')?.[1]
    ?.trim()
    .split(/\s+/) ?? [];

describe('a visitor leaves no trace', { timeout: 60_000 }, () => {
  it('talks to Havre only, gets no cookie, and every answer forbids caching', async () => {
    await setVisitorPage({ title: NEUTRAL_TITLE });
    const counselor = suite.track(await aCounselor(suite.server));
    const context = await aPhoneContext();
    const requested: string[] = [];
    const responses: Response[] = [];
    context.on('request', (request) => requested.push(request.url()));
    context.on('response', (response) => responses.push(response));
    const page = await context.newPage();
    page.on('websocket', (socket) => requested.push(socket.url()));

    const visitorPage = await page.goto(`${suite.server.url}/`);
    if (!visitorPage) throw new Error('no response for the visitor page');
    await page.getByText(/La discussion est ouverte/).waitFor();
    await page.getByRole('button', { name: 'Commencer une conversation' }).click();
    await page.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    const { conversation } = await counselor.ask('queue:take-next');
    await page.getByLabel('Votre message').fill('Bonjour, est-ce que je peux parler ?');
    await page.getByLabel('Votre message').press('Enter');
    await counselor.next('message:new', (m: any) => m.message.author === 'visitor');
    await counselor.ask('message:send', {
      conversationId: conversation.id,
      clientId: newClientId(),
      text: 'Oui, je vous écoute.',
    });
    await page.getByText('Oui, je vous écoute.').waitFor();
    await page.getByRole('button', { name: 'Terminer la conversation' }).click();
    await page.getByRole('button', { name: 'Oui, terminer' }).click();
    await page.getByText('Vous avez terminé la conversation.').waitFor();

    // Every request, the socket included, went to Havre's own origin: no font, script or counter elsewhere.
    const own = new URL(suite.server.url);
    expect(requested.some((url) => url.startsWith('ws://'))).toBe(true);
    const elsewhere = requested.filter((url) => {
      const { protocol, host } = new URL(url);
      return !(host === own.host && (protocol === own.protocol || protocol === 'ws:'));
    });
    expect(elsewhere).toEqual([]);

    // Nothing stays in the browser: no cookie, no storage, no cache, no service worker. Only the tab's random
    // id stays in this tab's sessionStorage, so that a block can recognise the tab (decision 0014); it holds
    // nothing of her, dies with the tab, and quick exit or "erase" removes it.
    expect(await context.cookies()).toEqual([]);
    const kept = await page.evaluate(async () => ({
      cookie: document.cookie,
      session: Object.keys(sessionStorage).filter((key) => key !== 'havre.tab').length,
      local: localStorage.length,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      databases: (await indexedDB.databases()).length,
    }));
    expect(kept).toEqual({ cookie: '', session: 0, local: 0, caches: 0, workers: 0, databases: 0 });
    for (const response of responses) {
      expect(response.headers()['cache-control'], response.url()).toBe('no-store');
    }

    // The page itself: no store, a CSP whose only inline script is the early quick exit (by its hash), no
    // referrer, no sniffing, no sensors.
    const headers = visitorPage.headers();
    expect(headers['cache-control']).toBe('no-store');
    const scriptSrc = /script-src ([^;]*)/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '';
    const inline = [...(await visitorPage.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => body);
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    expect(scriptSrc).toBe(`'self' 'sha256-${hash}'`);
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(frameAncestors(headers)).toEqual(["'none'"]);
    expect(headers['x-frame-options']).toBe('DENY');

    // The history entry's title is the admin's neutral one, written into the HTML (escaped) from the start.
    const html = await visitorPage.text();
    expect(html.match(/<title>[^<]*<\/title>/g)).toEqual(['<title>Recettes &amp; saisons</title>']);
  });

  it('keeps the neutral title in the tab while the app runs', async () => {
    await setVisitorPage({ title: NEUTRAL_TITLE });
    const page = await (await aPhoneContext()).newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByText(/La discussion est ouverte/).waitFor();
    expect(await page.title()).toBe(NEUTRAL_TITLE);
    await page.getByRole('button', { name: 'Commencer une conversation' }).click();
    await page.getByText(/Vous êtes la prochaine personne|Votre place dans la file/).waitFor();
    expect(await page.title()).toBe(NEUTRAL_TITLE);
  });

  it('may be framed only by the sites the admin named; the console never', async () => {
    await setVisitorPage({ embedOrigins: [ASSOCIATION] });
    const visitorPage = await fetch(`${suite.server.url}/`);
    const headers = Object.fromEntries(visitorPage.headers);
    expect(frameAncestors(headers)).toEqual(["'self'", ASSOCIATION]);
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['cache-control']).toBe('no-store');
    for (const path of ['/console', '/api/status']) {
      const other = Object.fromEntries((await fetch(`${suite.server.url}${path}`)).headers);
      expect(frameAncestors(other), path).toEqual(["'none'"]);
      expect(other['x-frame-options'], path).toBe('DENY');
    }

    // In Chromium: the association's page frames the chat. The frame's document is Havre's own, so a socket
    // it opens carries Havre's Origin and passes the handshake check, which still refuses the same socket
    // opened by the association's page itself.
    const context = await aPhoneContext();
    const embedding = (src: string) => `<!doctype html><title>Association</title><iframe src="${src}"></iframe>`;
    for (const site of [ASSOCIATION, ELSEWHERE]) {
      await context.route(`${site}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: embedding(`${suite.server.url}/`) }),
      );
      // Havre on a public address needs nothing more; here it listens on loopback, which Chromium's Local
      // Network Access check keeps a public site from reaching unless the user allows it.
      await context.grantPermissions(['local-network-access'], { origin: site });
    }
    const page = await context.newPage();
    await page.goto(`${ASSOCIATION}/aide`);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    if (!framed) throw new Error('no frame');
    expect(new URL(framed.url()).origin).toBe(new URL(suite.server.url).origin);
    expect(await framed.title()).toBe('Messagerie');
    // Chromium refuses a third-party frame its storage: the chat starts all the same, and says what that means.
    await framed.getByRole('button', { name: 'Commencer une conversation' }).waitFor();
    await framed.getByText(/vous ne pourrez pas la reprendre/).waitFor();
    const socketUrl = `${suite.server.url.replace('http:', 'ws:')}/socket.io/?EIO=4&transport=websocket`;
    const openSocket = (url: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        // Engine.IO's first frame, "0{…}", is the accepted handshake.
        socket.onmessage = (event) => {
          resolve(String(event.data).startsWith('0') ? 'accepted' : 'unexpected');
          socket.close();
        };
        socket.onclose = () => resolve('refused');
      });
    expect(await framed.evaluate(openSocket, socketUrl)).toBe('accepted');
    expect(await page.mainFrame().evaluate(openSocket, socketUrl)).toBe('refused');

    // Chromium says why it refused the frame, and the frame shows nothing of the chat.
    const refusedBy = async (site: string) => {
      const other = await context.newPage();
      const refusal = other.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
      await other.goto(site);
      const reason = (await refusal).text();
      const frame = other.frames().find((f) => f !== other.mainFrame());
      if (!frame) throw new Error('no frame');
      expect(await frame.locator('#app').count()).toBe(0);
      return /"(frame-ancestors [^"]*)"/.exec(reason)?.[1];
    };
    expect(await refusedBy(`${ELSEWHERE}/`)).toBe(`frame-ancestors 'self' ${ASSOCIATION}`);
    // With no embed origin, even the association's page may not frame the chat.
    await setVisitorPage({ embedOrigins: [] });
    expect(await refusedBy(`${ASSOCIATION}/aide`)).toBe("frame-ancestors 'none'");
  });
});
