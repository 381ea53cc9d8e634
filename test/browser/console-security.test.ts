// Two-factor authentication in Chromium: a counselor turns it on from "Sécurité du compte" (the test reads
// the key shown as text and computes the codes, as her app would), signs out, signs in with a code, then
// with a recovery code, which works once; an admin then reads all of it in the audit log.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { base32Decode, totpAt } from '../../src/server/services/totp.ts';
import { desktop } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();
const CAMILLE = { username: 'camille', password: 'calm harbour at dawn' };

async function logInWithPassword(page: Page): Promise<void> {
  await page.getByLabel('Identifiant').fill(CAMILLE.username);
  await page.getByLabel('Mot de passe').fill(CAMILLE.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /compte, langue et déconnexion/ }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
}

/** The code her app would show now, on the server's clock (moved one step on, so that no code serves twice). */
function nextCode(secret: string): string {
  suite.server.clock.advance(30_000);
  return totpAt(base32Decode(secret), suite.server.clock.now().getTime());
}

it('enrols a counselor, who then signs in with a code and with a recovery code once', { timeout: 90_000 }, async () => {
  await suite.server.havre.accounts.create({ ...CAMILLE, displayName: 'Camille', role: 'counselor' });
  const page = await suite.page(desktop, '/console');
  await logInWithPassword(page);
  await page.getByRole('button', { name: /compte, langue et déconnexion/ }).click();
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  await page.getByRole('img', { name: 'Code QR à scanner avec votre application d’authentification' }).waitFor();
  const secret = ((await page.locator('.totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousViolations(page, 'two-factor set-up');
  await page.screenshot({ path: '/tmp/shots/security-totp-setup.png' });

  await page.getByLabel('Code à 6 chiffres').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  const list = page.getByRole('list', { name: 'Vos codes de secours' });
  await list.waitFor();
  const recoveryCodes = await list.getByRole('listitem').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('button', { name: 'J’ai noté mes codes' }).click();
  await page.getByText('Il vous reste 10 codes de secours.').waitFor();

  // With a code from her app.
  await logOut(page);
  await logInWithPassword(page);
  await page.getByLabel('Code de vérification').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await page.getByRole('heading', { name: 'File d’attente' }).waitFor();

  // With a recovery code, once.
  const recovery = recoveryCodes[0] as string;
  await logOut(page);
  await logInWithPassword(page);
  await page.getByLabel('Code de vérification').fill(recovery);
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
  await logOut(page);
  await logInWithPassword(page);
  await page.getByLabel('Code de vérification').fill(recovery);
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await page.getByRole('alert').getByText('Ce code n’est pas valide ou a déjà servi').waitFor();

  // The admin reads it all in the audit log.
  const admin = await suite.signIn('dominique', 'admin');
  await admin.getByRole('link', { name: 'Administration' }).click();
  const log = admin.getByRole('table').filter({ has: admin.getByRole('columnheader', { name: 'Qui' }) });
  await log.waitFor();
  for (const action of [
    'Double authentification activée',
    'Connexion (avec code)',
    'Code de secours utilisé',
    'Connexion (avec code de secours)',
    'Échec de connexion (code refusé)',
  ]) {
    await log.getByRole('cell', { name: action, exact: true }).first().waitFor();
  }
  const camilleRows = log.getByRole('row').filter({ hasText: 'Code de secours utilisé' });
  expect(await camilleRows.count()).toBe(1);
  await expect.poll(() => camilleRows.first().textContent()).toContain('Camille');
  expect(await admin.getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href')).toBe('/api/admin/audit.csv');
  await expectNoSeriousViolations(admin, 'admin with audit log');
  await log.scrollIntoViewIfNeeded();
  await admin.screenshot({ path: '/tmp/shots/security-audit.png' });
});

it('makes a counselor enrol right after her password when the admin requires it; the admin can reset it', {
  timeout: 90_000,
}, async () => {
  const admin = await suite.signIn('dominique', 'admin');
  await admin.getByRole('link', { name: 'Administration' }).click();
  await admin.getByLabel('Exiger la double authentification pour toute l’équipe').check();
  await admin.getByText('Réglage de sécurité enregistré.').waitFor();

  await suite.server.havre.accounts.create({ ...CAMILLE, displayName: 'Camille', role: 'counselor' });
  const page = await suite.page(desktop, '/console');
  await logInWithPassword(page);
  await page.getByText('L’administration demande la double authentification pour tous les comptes.').waitFor();
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual([]);
  const secret = ((await page.locator('.totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('Code à 6 chiffres').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await page.getByRole('list', { name: 'Vos codes de secours' }).waitFor();
  await page.getByRole('button', { name: 'J’ai noté mes codes' }).click();
  await page.getByRole('heading', { name: 'File d’attente' }).waitFor();

  await admin.reload();
  const team = admin.getByRole('table').filter({ has: admin.getByRole('columnheader', { name: 'Rôle' }) });
  const row = team.getByRole('row').filter({ hasText: 'camille' });
  await row.getByRole('cell', { name: 'Activée', exact: true }).waitFor();
  await admin.getByRole('button', { name: 'Réinitialiser la double authentification de Camille' }).click();
  await row.getByRole('cell', { name: 'Non', exact: true }).waitFor();
});

it('tells how long to wait after too many wrong passwords, and changes a password', { timeout: 90_000 }, async () => {
  await suite.server.havre.accounts.create({ ...CAMILLE, displayName: 'Camille', role: 'counselor' });
  for (let i = 0; i < 6; i++) {
    const wrong = await fetch(`${suite.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'camille', password: 'not her password' }),
    });
    expect(wrong.status).toBe(401);
  }
  const page = await suite.page(desktop, '/console');
  await logInWithPassword(page);
  // The server's clock runs at the real pace: on a busy machine a few of the 30 seconds may have passed.
  const throttled = page
    .getByRole('alert')
    .getByText(/^Trop de tentatives\. Pour votre sécurité, réessayez dans \d+ secondes\.$/);
  await throttled.waitFor();
  const seconds = Number((await throttled.textContent())?.match(/\d+/)?.[0]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(30);

  suite.server.clock.advance(30_000);
  await logInWithPassword(page);
  await page.getByRole('button', { name: /compte, langue et déconnexion/ }).click();
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.getByLabel('Mot de passe actuel').fill(CAMILLE.password);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('motdepasse2024');
  await page.getByLabel('Confirmation du nouveau mot de passe').fill('motdepasse2024');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByRole('alert').getByText('Ce mot de passe est trop courant').waitFor();
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('lanterns over the harbour');
  await page.getByLabel('Confirmation du nouveau mot de passe').fill('lanterns over the harbour');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('Mot de passe changé. Vos autres sessions sont fermées.').waitFor();
  await expectNoSeriousViolations(page, 'account security');
});
