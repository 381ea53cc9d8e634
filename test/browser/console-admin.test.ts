// The first admin arrives through the set-up link, creates a colleague's account, sets the conversation
// limit and a closure, and disables the account again: all from the console, in Chromium.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { desktop } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

async function setUpFirstAdmin(): Promise<Page> {
  const token = await suite.server.havre.accounts.issueSetupToken();
  const page = await suite.page(desktop, `/console#setup=${token}`);
  await page.getByLabel('Identifiant').fill('dominique');
  await page.getByLabel('Nom affiché').fill('Dominique');
  await page.getByLabel('Mot de passe').fill('a quiet dawn harbour');
  await page.getByLabel('Confirmation').fill('a quiet dawn harbour');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByRole('link', { name: 'Administration' }).click();
  return page;
}

it('sets up the first admin, who manages accounts and settings', { timeout: 60_000 }, async () => {
  const page = await setUpFirstAdmin();
  expect(page.url()).not.toContain('setup=');

  await page.getByLabel('Identifiant').fill('bob');
  await page.getByLabel('Nom affiché').fill('Bob');
  await page.getByLabel('Mot de passe initial').fill('calm harbour 1234');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByText('Compte créé pour Bob.').waitFor();

  await page.getByLabel('Conversations simultanées par conseillère').fill('3');
  await page.getByRole('button', { name: 'Ajouter une fermeture' }).click();
  await page.getByLabel('Date').last().fill('2026-12-02');
  await page.getByLabel('Seuil des petits effectifs').fill('10');
  await page.getByLabel('Coût d’une heure d’écoutante (€)').fill('32,5');
  await page.getByLabel(/Secondes avant de signaler/).fill('45');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await page.getByText('Réglages enregistrés.').waitFor();
  const settings = await suite.server.havre.settings.current();
  expect(settings.maxConversationsPerCounselor).toBe(3);
  expect(settings.statistics).toEqual({ smallCountThreshold: 10, counselorHourCost: 32.5 });
  expect(settings.presence.counselorFlagSeconds).toBe(45);
  expect(settings.schedule.closures.map((c) => c.date)).toEqual(['2026-12-02']);
  const status = await (await fetch(`${suite.server.url}/api/status`)).json();
  expect(status.status.open).toBe(false);

  const bobRow = page.getByRole('row').filter({ hasText: 'bob' });
  await bobRow.getByRole('button', { name: 'Désactiver' }).click();
  await bobRow.getByRole('button', { name: 'Réactiver' }).waitFor();
  const staff = await suite.server.havre.accounts.list();
  expect(staff.find((s) => s.username === 'bob')?.disabled).toBe(true);

  await expectNoSeriousViolations(page, 'admin page');
});
