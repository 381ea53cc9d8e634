// Private notes in Chromium: the counselor writes a note beside the conversation; it survives a reload and the
// visitor (a second browser) never sees it.
import { describe, expect, it } from 'vitest';
import { desktop } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();
const NOTE = 'Elle parle d’un téléphone surveillé : proposer le 3919 depuis un autre appareil.';

describe('private notes', { timeout: 90_000 }, () => {
  it('stay beside the conversation for the counselor and never reach the visitor', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const visitor = await suite.page(desktop, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    // She is in the queue before the counselor takes her.
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    const composer = visitor.getByLabel('Votre message');
    await composer.fill('Bonjour, il regarde mon téléphone.');
    await composer.press('Enter');
    await counselor.getByRole('log').getByText('Bonjour, il regarde mon téléphone.').waitFor();

    const panel = counselor.getByRole('region', { name: 'Notes privées' });
    await panel.getByText('Aucune note pour l’instant.').waitFor();
    await panel.getByLabel('Nouvelle note').fill(NOTE);
    await panel.getByRole('button', { name: 'Ajouter la note' }).click();
    await panel.getByRole('list', { name: 'Notes privées' }).getByText(NOTE).waitFor();
    expect(await panel.getByLabel('Nouvelle note').inputValue()).toBe('');
    await expectNoSeriousViolations(counselor, 'notes panel');

    // A reply sent after the note reaches the visitor; the note never does.
    await counselor.getByLabel('Votre réponse').fill('Je vous lis, prenez votre temps.');
    await counselor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Je vous lis, prenez votre temps.').waitFor();
    expect(await visitor.locator('body').textContent()).not.toContain('téléphone surveillé');
    if (process.env.SHOTS) await counselor.screenshot({ path: '/tmp/shots/convo-notes.png' });

    await counselor.reload();
    await counselor
      .getByRole('region', { name: 'Notes privées' })
      .getByRole('list', { name: 'Notes privées' })
      .getByText(NOTE)
      .waitFor();
  });
});
