// Canned answers in Chromium: `/` in the reply box opens the matching answers (arrows and Enter insert one,
// Escape closes), a resource card arrives at the visitor as readable plain text, and the management dialog
// lets a counselor keep her own answers while the team's stay with supervisors.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/protocol/views.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aVisitor, type Recorded } from '../support/clients.ts';

const suite = useBrowserSuite();

async function inConversation(page: Page): Promise<Recorded> {
  const visitor = suite.track(await aVisitor(suite.server));
  const ack = await visitor.ask('conversation:start', { intake: {} });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  await page.getByRole('status').filter({ hasText: '1 personne en attente' }).waitFor();
  await page.getByRole('button', { name: 'Prendre la personne suivante' }).click();
  await page.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
  return visitor;
}

describe('canned answers', { timeout: 60_000 }, () => {
  it('inserts a resource card with / and the keyboard, and the visitor reads it as plain text', async () => {
    const page = await suite.signIn('camille', 'counselor', { available: true });
    const visitor = await inConversation(page);
    const reply = page.getByLabel('Votre réponse');
    const list = page.getByRole('listbox', { name: 'Réponses types' });

    await reply.pressSequentially('Voici /');
    await list.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: '7 réponses types : flèches pour choisir, Entrée pour insérer, Échap pour fermer.' })
      .waitFor({ state: 'attached' });
    expect(await reply.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    await expectNoSeriousViolations(page, 'canned answers list');

    // Escape closes the list and leaves her text alone.
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await reply.inputValue()).toBe('Voici /');

    await reply.pressSequentially('39');
    await list.getByRole('option', { name: /\/3919/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden' });
    const card = [
      'Voici 3919 — Violences Femmes Info',
      'Téléphone : 3919 (gratuit et anonyme, n’apparaît pas sur les factures)',
      'Horaires : 24 h/24, 7 j/7',
      'Site : https://arretonslesviolences.gouv.fr',
    ].join('\n');
    expect(await reply.inputValue()).toBe(card);

    // Arrows move through the matches: /1 lists 17, 112, 114, 119 in that order.
    await reply.press('End');
    await reply.press('Shift+Enter');
    await reply.pressSequentially('/1');
    await list.getByRole('option', { name: /\/17/, selected: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await list.getByRole('option', { name: /\/114/, selected: true }).waitFor();
    await page.keyboard.press('Tab');
    expect(await reply.inputValue()).toContain('\n114 — Urgence par SMS, quand on ne peut pas parler\n');

    await page.getByRole('button', { name: 'Envoyer' }).click();
    const received = await visitor.next<MessageView>('message:new', (message) => message.author === 'counselor');
    expect(received.text.startsWith(`${card}\n114 — Urgence par SMS`)).toBe(true);
  });

  it('lets a counselor write her own answers and keeps the team answers to supervisors', async () => {
    const page = await suite.signIn('camille', 'counselor');
    await page.getByRole('button', { name: 'Réponses types' }).click();
    const dialog = page.getByRole('dialog', { name: 'Réponses types et fiches ressources' });
    await dialog.getByRole('region', { name: 'Réponses de l’équipe' }).getByText('/3919').waitFor();
    expect(await dialog.getByRole('button', { name: /Modifier/ }).count()).toBe(0);
    await dialog.getByText('Les réponses de l’équipe sont tenues par les superviseuses').waitFor();
    await expectNoSeriousViolations(page, 'canned answers dialog');

    await dialog.getByRole('button', { name: 'Nouvelle réponse' }).click();
    expect(await dialog.getByRole('radio', { name: 'Toute l’équipe' }).count()).toBe(0);
    await dialog.getByLabel('Raccourci').fill('respire');
    await dialog.getByLabel('Titre').fill('Respirer');
    await dialog.getByLabel('Texte').fill('Prenons un moment pour respirer ensemble.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    const mine = dialog.getByRole('region', { name: 'Mes réponses' });
    await mine.getByText('Prenons un moment pour respirer ensemble.').waitFor();

    // A shortcut already hers is refused with a clear sentence.
    await dialog.getByRole('button', { name: 'Nouvelle réponse' }).click();
    await dialog.getByLabel('Raccourci').fill('respire');
    await dialog.getByLabel('Titre').fill('Doublon');
    await dialog.getByLabel('Texte').fill('Encore.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Ce raccourci est déjà utilisé.' }).waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await dialog.getByRole('searchbox', { name: 'Rechercher' }).fill('respir');
    expect(await dialog.getByRole('listitem').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // It is offered in the composer at once.
    await page.getByRole('switch', { name: 'Disponible' }).click();
    await inConversation(page);
    await page.getByRole('button', { name: 'Insérer une réponse type' }).click();
    await page.keyboard.type('resp');
    await page.getByRole('option', { name: /\/respire Respirer · personnelle/ }).click();
    expect(await page.getByLabel('Votre réponse').inputValue()).toBe('Prenons un moment pour respirer ensemble.');

    // A supervisor edits the team's answers; she does not see Camille's.
    const supervisor = await suite.signIn('sonia', 'supervisor');
    await supervisor.getByRole('button', { name: 'Réponses types' }).click();
    const team = supervisor.getByRole('region', { name: 'Réponses de l’équipe' });
    await team.getByRole('button', { name: 'Modifier 3919 Violences Femmes Info' }).click();
    await supervisor.getByLabel('Horaires').fill('Tous les jours, jour et nuit');
    await supervisor.getByRole('button', { name: 'Enregistrer' }).click();
    await team.getByText('Horaires : Tous les jours, jour et nuit').waitFor();
    expect(await supervisor.getByText('Respirer').count()).toBe(0);
  });
});
