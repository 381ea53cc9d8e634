// "Lu" both ways in Chromium: the counselor sees it under her message once the visitor's page has shown it,
// the visitor under hers once the counselor has the conversation on screen; a reload shows the same.
import { describe, expect, it } from 'vitest';
import { desktop } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('read marks', { timeout: 90_000 }, () => {
  it('show "Lu" on both sides, and again after a reload', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const visitor = await suite.page(desktop, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    // She is in the queue before the counselor takes her.
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    const log = counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' });
    await log.waitFor();

    const composer = visitor.getByLabel('Votre message');
    await composer.fill('Vous êtes là ?');
    await composer.press('Enter');
    await log.getByText('Vous êtes là ?').waitFor();
    // The counselor has the conversation on screen: the visitor reads "lu" under her message.
    const mine = visitor.getByRole('listitem').filter({ hasText: 'Vous êtes là ?' });
    await mine.getByText('lu', { exact: true }).waitFor();

    await counselor.getByLabel('Votre réponse').fill('Oui, je suis là.');
    await counselor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Oui, je suis là.').waitFor();
    const reply = log.getByRole('listitem').filter({ hasText: 'Oui, je suis là.' });
    await reply.getByText('Lu', { exact: true }).waitFor();

    await counselor.reload();
    await counselor
      .getByRole('log', { name: 'Messages avec Visiteuse 1' })
      .getByRole('listitem')
      .filter({ hasText: 'Oui, je suis là.' })
      .getByText('Lu', { exact: true })
      .waitFor();
    await visitor.reload();
    await visitor
      .getByRole('listitem')
      .filter({ hasText: 'Vous êtes là ?' })
      .getByText('lu', { exact: true })
      .waitFor();
    expect(await visitor.getByText('lu', { exact: true }).count()).toBe(1);
  });
});
