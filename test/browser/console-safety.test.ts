// What the console shows and sets for visitors' safety, in Chromium: an admin pauses new conversations and
// gives the visitor page a neutral title; an urgent visitor stands out in the waiting list with her answers;
// a visitor who used quick exit is seen to have left quickly.
import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aVisitor, type Recorded } from '../support/clients.ts';

const suite = useBrowserSuite();
const signedIn = (username: string, role: 'counselor' | 'admin') => suite.signIn(username, role);

async function aWaitingVisitor(intake: Record<string, string> = {}): Promise<Recorded> {
  const visitor = suite.track(await aVisitor(suite.server));
  const ack = await visitor.ask('conversation:start', { intake });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  return visitor;
}

describe('console and visitor safety', { timeout: 60_000 }, () => {
  it('lets an admin pause new conversations and give the visitor page a neutral title', async () => {
    const page = await signedIn('dominique', 'admin');
    await page.getByRole('link', { name: 'Administration' }).click();

    const admission = page.getByRole('group', { name: 'Accueil des visiteuses' });
    await admission.getByRole('checkbox', { name: 'Suspendre les nouvelles conversations' }).check();
    await admission.getByLabel('Nombre maximum de personnes en attente').fill('12');
    const visitorPage = page.getByRole('group', { name: 'Page des visiteuses' });
    await visitorPage.getByLabel('Titre de l’onglet').fill('Mes notes');
    await visitorPage.getByLabel('Icône de l’onglet').selectOption({ label: 'Notes' });
    await visitorPage.getByLabel('Sites autorisés à intégrer la page').fill('https://association.example/\n\n');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByText('Réglages enregistrés.').waitFor();

    const { status } = await (await fetch(`${suite.server.url}/api/status`)).json();
    expect(status.admission.paused).toBe(true);
    expect(status.visitorPage.title).toBe('Mes notes');
    const settings = await suite.server.havre.settings.current();
    expect(settings.admission).toEqual({ paused: true, maxQueue: 12 });
    expect(settings.visitorPage.embedOrigins).toEqual(['https://association.example']);
    expect(settings.visitorPage.icon).toBe('notes');
    await expectNoSeriousViolations(page, 'admin settings');

    // The desk says so, without a reload: saving settings sends a fresh staff state.
    await page.getByRole('link', { name: 'Conversations' }).click();
    await page.getByText('Les nouvelles conversations sont suspendues').waitFor();
    await page.getByRole('link', { name: 'Administration' }).click();

    // An address that is not https is refused by the server, and the form says so.
    await visitorPage.getByLabel('Adresse de sortie rapide').fill('http://meteo.example/');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByRole('alert').filter({ hasText: 'Certaines informations ne sont pas valides' }).waitFor();
    expect((await suite.server.havre.settings.current()).visitorPage.quickExitUrl).toBe(
      settings.visitorPage.quickExitUrl,
    );
  });

  it('shows an urgent visitor first in the waiting list, marked in words, with her answers', async () => {
    const page = await signedIn('camille', 'counselor');
    await aWaitingVisitor({ age: '18-21' });
    await aWaitingVisitor({ danger: 'yes', concerned: 'myself' });

    const entries = page.getByRole('region', { name: 'File d’attente' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(2);
    const first = entries.first();
    await first.getByText('Urgent', { exact: true }).waitFor();
    await first.getByText('Êtes-vous en danger en ce moment ?').waitFor();
    await first.getByText('Oui', { exact: true }).waitFor();
    await first.getByText('Pour moi', { exact: true }).waitFor();
    expect(await entries.last().getByText('Urgent', { exact: true }).count()).toBe(0);
    await entries.last().getByText('18 à 21 ans').waitFor();
    await page.getByText('2 personnes en attente, dont 1 en urgence').waitFor();
    await expectNoSeriousViolations(page, 'workspace with an urgent entry');

    // Once she takes her, the answers stay in view beside the conversation.
    await page.getByRole('switch', { name: 'Disponible' }).click();
    await page.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    const conversation = page.locator('.conversation');
    await conversation.getByText('Urgent', { exact: true }).waitFor();
    await conversation.getByText('Pour moi', { exact: true }).waitFor();
  });

  it('tells the counselor when the visitor left by quick exit', async () => {
    const page = await signedIn('camille', 'counselor');
    const available = page.getByRole('switch', { name: 'Disponible' });
    await available.click();
    await expect.poll(() => available.getAttribute('aria-checked')).toBe('true');
    const visitor = await aWaitingVisitor();

    await page.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await page.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    const ack = await visitor.ask('conversation:end', { reason: 'quick_exit' });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);

    await page.getByText('La visiteuse est partie rapidement').waitFor();
    await page.getByText('Conversation terminée').waitFor();
    expect(await page.getByLabel('Votre réponse').count()).toBe(0);
  });
});
