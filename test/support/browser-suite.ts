// The set-up every browser suite shares: one Chromium per file, a fresh Havre per test, contexts and sockets
// closed after each test, a console sign-in, and a guard that no page sends anything off this machine (a
// request to another host fails the test unless the suite answers it itself).
import type { BrowserContext, BrowserContextOptions, Page, Browser as PlaywrightBrowser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../../src/protocol/schemas.ts';
import { desktop, launchBrowser, launchWithSiteDataBlocked, phone, seriousAccessibilityViolations } from './browser.ts';
import type { Recorded } from './clients.ts';
import { startTestServer, type TestServer } from './server.ts';
import type { StorageKind } from './storage.ts';

export interface BrowserSuiteOptions {
  /** PGlite unless a suite needs PostgreSQL (the database-fault tests); call it inside a describe that skips without one. */
  storage?: StorageKind;
  server?: Parameters<typeof startTestServer>[1];
  /** Answers for requests to other hosts that a test expects (e.g. the neutral site of quick exit). */
  answer?: (url: string) => { contentType: string; body: string } | undefined;
}

export interface BrowserSuite {
  readonly server: TestServer;
  context(options: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * A context whose browser refuses every site's data (cookies and storage blocked in its settings, as safety
   * guides advise): `sessionStorage` then throws. Its own Chromium, closed after the test like the others.
   */
  contextWithSiteDataBlocked(options: BrowserContextOptions): Promise<BrowserContext>;
  page(options: BrowserContextOptions, path?: string): Promise<Page>;
  track<T extends Recorded>(socket: T): T;
  /** Creates a staff account and signs it in to the console on a desktop-sized page. */
  signIn(username: string, role: Role, options?: { available?: boolean }): Promise<Page>;
  /** A visitor on a phone who skips the questions and waits in the queue, first in line. */
  waitingVisitor(): Promise<Page>;
}

export function useBrowserSuite({
  storage = 'pglite',
  server: serverOptions,
  answer,
}: BrowserSuiteOptions = {}): BrowserSuite {
  let browser: PlaywrightBrowser;
  let server: TestServer;
  let contexts: BrowserContext[] = [];
  let sockets: Recorded[] = [];
  let outside: string[] = [];
  let violations: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer(storage, serverOptions);
  });
  afterEach(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close();
    sockets = [];
    contexts = [];
    await server?.stop();
    const refused = outside;
    const violated = violations;
    outside = [];
    violations = [];
    expect(refused, 'requests sent off this machine').toEqual([]);
    expect(violated, 'Content-Security-Policy violations').toEqual([]);
  });

  /** Every context: tracked for closing, and nothing may leave the machine unless the suite answers it. */
  async function guarded(context: BrowserContext): Promise<BrowserContext> {
    // Generous: CI shares two cores between Chromium, Havre and PostgreSQL; waits end as soon as they can.
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    // Every screen runs under the strict CSP with no violation at all, not even one the page survives.
    await context.exposeBinding('havreTestCspViolation', ({ page }, violation: string) => {
      violations.push(`${new URL(page.url()).pathname}: ${violation}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { havreTestCspViolation?: (violation: string) => void })
          .havreTestCspViolation;
        report?.(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        const url = route.request().url();
        const answered = answer?.(url);
        if (answered) return route.fulfill(answered);
        outside.push(url);
        return route.abort();
      },
    );
    return context;
  }

  const suite: BrowserSuite = {
    get server() {
      return server;
    },

    context: async (options) => guarded(await browser.newContext(options)),

    contextWithSiteDataBlocked: async (options) => guarded(await launchWithSiteDataBlocked(options)),

    async page(options, path = '/') {
      const page = await (await suite.context(options)).newPage();
      await page.goto(`${server.url}${path}`);
      return page;
    },

    track(socket) {
      sockets.push(socket);
      return socket;
    },

    async waitingVisitor() {
      const visitor = await suite.page(phone, '/');
      await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
      await visitor.getByRole('button', { name: 'Passer les questions' }).click();
      await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
      return visitor;
    },

    async signIn(username, role, { available = false } = {}) {
      const password = `${username} password 1`;
      await server.havre.accounts.create({ username, displayName: username, password, role });
      const page = await suite.page(desktop, '/console');
      await page.getByLabel('Identifiant').fill(username);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
      if (available) {
        const toggle = page.getByRole('switch', { name: 'Disponible' });
        await toggle.click();
        await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
      }
      return page;
    },
  };
  return suite;
}

/** The neutral site quick exit sends a visitor to in the tests, answered by the suite (nothing leaves the machine). */
export const NEUTRAL = 'https://neutral.example/weather';

export const neutralSite: BrowserSuiteOptions['answer'] = (url) =>
  url.startsWith('https://neutral.example/')
    ? { contentType: 'text/html; charset=utf-8', body: '<title>Météo</title><p>Météo</p>' }
    : undefined;

export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}
