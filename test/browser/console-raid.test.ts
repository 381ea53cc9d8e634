// Raid mode in Chromium: a supervisor switches it on with a public line and ends a raid wave after seeing the
// count; a counselor ends and blocks a conversation with the keyboard alone (Alt+Shift+B, then again).
import { describe, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('raid mode in Chromium', { timeout: 90_000 }, () => {
  it('switches raid mode on, ends a wave after the count, and blocks with one key', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const supervisor = await suite.signIn('sophie', 'supervisor');
    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    const raid = supervisor.getByRole('region', { name: 'Raid' });
    await raid.getByLabel('Court message public aux visiteuses (facultatif)').fill('Nous répondons dès que possible.');
    await raid.getByRole('button', { name: 'Activer le mode raid' }).click();
    await raid.getByText(/Mode raid activé \(sophie\)/).waitFor();
    await supervisor.screenshot({ path: '/tmp/raid-board.png', fullPage: true });

    // A troll reaches the counselor; the counselor ends and blocks with the keyboard.
    const troll = await suite.page(phone, '/');
    // Visitors arriving now read the supervisor's calm line on the home screen.
    await troll.getByText('Nous répondons dès que possible.').waitFor();
    await troll.screenshot({ path: '/tmp/raid-home.png' });
    await troll.getByRole('button', { name: 'Commencer une conversation' }).click();
    await troll.getByRole('button', { name: 'Passer les questions' }).click();
    // Raid mode raises the admission work: the troll is queued once her page has solved it.
    await counselor.getByRole('status').filter({ hasText: '1 personne en attente' }).waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    await counselor.keyboard.press('Alt+Shift+B');
    await counselor.getByRole('button', { name: 'Oui, bloquer' }).waitFor();
    await counselor.keyboard.press('Alt+Shift+B');
    await counselor.getByText(/vous avez bloqué cette personne/i).waitFor();

    // A wave: one waiting visitor, counted then ended.
    const waiting = await suite.page(phone, '/');
    await waiting.getByRole('button', { name: 'Commencer une conversation' }).click();
    await waiting.getByRole('button', { name: 'Passer les questions' }).click();
    await counselor.getByRole('status').filter({ hasText: '1 personne en attente' }).waitFor();
    await raid.getByRole('button', { name: 'Les compter' }).click();
    await raid.getByRole('button', { name: 'Terminer ces 1 conversations' }).click();
    await raid.getByRole('button', { name: 'Oui, les terminer' }).click();
    await waiting
      .getByText(/terminé/i)
      .first()
      .waitFor();
  });
});
