// Whispers get the same alert path as messages (issue 12, item 5), in Chromium: a whisper about a conversation
// the counselor is not looking at raises its tab's badge and the title's count; it waits for her there, and
// it is still there after a reload (kept in the server's memory for the conversation's life, never stored).
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('whispers in Chromium', { timeout: 120_000 }, () => {
  it('raise the badge and the title count when off screen, and survive a reload', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    for (const text of ['Première.', 'Deuxième.']) {
      const visitor = await suite.page(phone, '/');
      await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
      await visitor.getByRole('button', { name: 'Passer les questions' }).click();
      await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
      await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
      await visitor.getByLabel('Votre message').fill(text);
      await visitor.getByLabel('Votre message').press('Enter');
    }
    // She is on Visiteuse 2; the supervisor whispers about Visiteuse 1.
    await counselor.getByRole('tab', { name: /Visiteuse 2/ }).click();
    await counselor.getByRole('log', { name: 'Messages avec Visiteuse 2' }).getByText('Deuxième.').waitFor();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).click();
    await counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' }).getByText('Première.').waitFor();
    await counselor.getByRole('tab', { name: /Visiteuse 2/ }).click();
    await expect.poll(() => counselor.title()).not.toMatch(/^\(\d+\)/);

    const supervisor = await suite.signIn('sophie', 'supervisor');
    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    const board = supervisor.getByRole('region', { name: 'Conversations en cours' });
    await board
      .getByRole('row', { name: /Visiteuse 1/ })
      .getByRole('button', { name: /Lire en silence/ })
      .click();
    await supervisor.getByLabel('Chuchoter à camille').fill('Appelez le 17 avec elle, maintenant.');
    await supervisor.getByRole('button', { name: 'Envoyer à l’écoutante' }).click();

    const first = counselor.getByRole('tab', { name: /Visiteuse 1/ });
    await expect.poll(() => first.textContent()).toMatch(/1 non lu/);
    await expect.poll(() => counselor.title()).toMatch(/^\(1\)/);
    await first.click();
    await counselor
      .getByRole('region', { name: 'De la supervision' })
      .getByText('Appelez le 17 avec elle, maintenant.')
      .waitFor();
    await expect.poll(() => counselor.title()).not.toMatch(/^\(\d+\)/);

    await counselor.reload();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).click();
    await counselor
      .getByRole('region', { name: 'De la supervision' })
      .getByText('Appelez le 17 avec elle, maintenant.')
      .waitFor();
  });
});
