// A transfer in Chromium with three browsers: Camille hands a conversation to Inès with a note; Inès's console
// opens it with its history and the note; the visitor reads one neutral line and carries on without reloading.
import { describe, expect, it } from 'vitest';
import { desktop } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('transfer', { timeout: 90_000 }, () => {
  it('hands a conversation to a colleague; the visitor keeps her history', async () => {
    const camille = await suite.signIn('camille', 'counselor', { available: true });
    const ines = await suite.signIn('ines', 'counselor', { available: true });
    const visitor = await suite.page(desktop, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    // She is in the queue before the counselor takes her.
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await camille.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await camille.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    const composer = visitor.getByLabel('Votre message');
    await composer.fill('Bonjour, je suis au travail.');
    await composer.press('Enter');
    await camille.getByRole('log').getByText('Bonjour, je suis au travail.').waitFor();
    await camille.getByLabel('Votre réponse').fill('Je vous écoute.');
    await camille.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Je vous écoute.').waitFor();

    await camille.getByRole('button', { name: 'Transférer à une collègue' }).click();
    const dialog = camille.getByRole('dialog', { name: 'Transférer Visiteuse 1' });
    await dialog.getByLabel('ines — en conversation : 0 sur 2').check();
    await dialog.getByLabel('Note pour votre collègue (facultatif)').fill('Elle écrit depuis son travail.');
    await expectNoSeriousViolations(camille, 'transfer dialog');
    if (process.env.SHOTS) await camille.screenshot({ path: '/tmp/shots/convo-transfer.png' });
    await dialog.getByRole('button', { name: 'Transférer', exact: true }).click();

    await camille.getByRole('status').filter({ hasText: 'Visiteuse 1 est maintenant avec ines.' }).waitFor();
    expect(await camille.getByRole('tab').count()).toBe(0);

    await ines.getByRole('status').filter({ hasText: 'camille vous a confié Visiteuse 1.' }).waitFor();
    const log = ines.getByRole('log', { name: 'Messages avec Visiteuse 1' });
    await log.getByText('Bonjour, je suis au travail.').waitFor();
    await log.getByText('Je vous écoute.').waitFor();
    await ines.getByRole('list', { name: 'Notes privées' }).getByText('Elle écrit depuis son travail.').waitFor();

    // The visitor: the neutral line, her history, and the conversation goes on with Inès, no reload.
    await visitor.getByText('Une autre conseillère prend le relais de la conversation.').waitFor();
    await visitor.getByText('Bonjour, je suis au travail.').waitFor();
    expect(await visitor.locator('body').textContent()).not.toContain('son travail');
    await ines.getByLabel('Votre réponse').fill('Bonjour, je prends le relais.');
    await ines.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Bonjour, je prends le relais.').waitFor();

    // Inès reads Camille's message under Camille's name, and "Vous" only under her own; a reload says the same.
    for (const round of ['live', 'after a reload']) {
      if (round === 'after a reload') await ines.reload();
      const items = ines.getByRole('log', { name: 'Messages avec Visiteuse 1' }).getByRole('listitem');
      const camilles = items.filter({ hasText: 'Je vous écoute.' });
      await camilles.waitFor();
      expect(await camilles.textContent(), round).toContain('camille :');
      expect(await camilles.textContent(), round).not.toContain('Vous :');
      expect(await items.filter({ hasText: 'Bonjour, je prends le relais.' }).textContent(), round).toContain('Vous :');
    }
    await ines.screenshot({ path: '/tmp/shots/console-colleague-author.png' });
  });
});
