// The first admin arrives through the set-up link, creates a colleague's account, sets the conversation
// limit and a closure, and disables the account again: all from the console, in Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { desktop, launchBrowser, seriousAccessibilityViolations } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer('pglite');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function setUpFirstAdmin(): Promise<Page> {
  const token = await server.havre.accounts.issueSetupToken();
  const context = await browser.newContext(desktop);
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/console#setup=${token}`);
  await page.getByLabel('Identifiant').fill('dominique');
  await page.getByLabel('Nom affiché').fill('Dominique');
  await page.getByLabel('Mot de passe').fill('dominique password');
  await page.getByLabel('Confirmation').fill('dominique password');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByRole('link', { name: 'Administration' }).click();
  return page;
}

it('sets up the first admin, who manages accounts and settings', { timeout: 60_000 }, async () => {
  const page = await setUpFirstAdmin();
  expect(page.url()).not.toContain('setup=');

  await page.getByLabel('Identifiant').fill('bob');
  await page.getByLabel('Nom affiché').fill('Bob');
  await page.getByLabel('Mot de passe initial').fill('bob password 1234');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByText('Compte créé pour Bob.').waitFor();

  await page.getByLabel('Conversations simultanées par conseillère').fill('3');
  await page.getByRole('button', { name: 'Ajouter une fermeture' }).click();
  await page.getByLabel('Date').last().fill('2026-12-02');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await page.getByText('Réglages enregistrés.').waitFor();
  const settings = await server.havre.settings.current();
  expect(settings.maxConversationsPerCounselor).toBe(3);
  expect(settings.schedule.closures.map((c) => c.date)).toEqual(['2026-12-02']);
  const status = await (await fetch(`${server.url}/api/status`)).json();
  expect(status.status.open).toBe(false);

  const bobRow = page.getByRole('row').filter({ hasText: 'bob' });
  await bobRow.getByRole('button', { name: 'Désactiver' }).click();
  await bobRow.getByRole('button', { name: 'Réactiver' }).waitFor();
  const staff = await server.havre.accounts.list();
  expect(staff.find((s) => s.username === 'bob')?.disabled).toBe(true);

  const violations = await seriousAccessibilityViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
});
