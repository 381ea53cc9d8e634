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

  it('never shows as unread after a reload what she had already read, in any tab', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    for (const [n, text] of [
      [1, 'Première visiteuse.'],
      [2, 'Deuxième visiteuse.'],
    ] as const) {
      const visitor = await suite.page(desktop, '/');
      await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
      await visitor.getByRole('button', { name: 'Passer les questions' }).click();
      await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
      await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
      await counselor.getByRole('tab', { name: new RegExp(`Visiteuse ${n}`) }).click();
      const composer = visitor.getByLabel('Votre message');
      await composer.fill(text);
      await composer.press('Enter');
      await counselor
        .getByRole('log', { name: `Messages avec Visiteuse ${n}` })
        .getByText(text)
        .waitFor();
    }
    // Both were read on screen; the first tab is not the one on screen now.
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).click();
    await counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' }).getByText('Première visiteuse.').waitFor();
    await counselor.reload();
    await counselor
      .getByRole('log', { name: /Messages avec Visiteuse/ })
      .getByRole('listitem')
      .first()
      .waitFor();
    for (const n of [1, 2]) {
      const tab = counselor.getByRole('tab', { name: new RegExp(`Visiteuse ${n}`) });
      expect(await tab.textContent(), `Visiteuse ${n}`).not.toMatch(/non lu/);
    }
    expect(await counselor.title()).not.toMatch(/^\(\d+\)/);
  });
});
