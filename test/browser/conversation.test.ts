// A visitor on a phone and a counselor at her desk hold a conversation in two real Chromium contexts:
// login, presence, queue, chat both ways, a reload mid-conversation, ending, and accessibility checks.
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();
const aCounselorAtHerDesk = () => suite.signIn('camille', 'counselor', { available: true });
const openPage = (path: string) => suite.page(phone, path);

describe('visitor and counselor in Chromium', { timeout: 60_000 }, () => {
  it('hold a conversation; the visitor reloads and sees the same history once', async () => {
    const counselor = await aCounselorAtHerDesk();
    const visitor = await openPage('/');

    await expect.poll(() => visitor.getByText(/La discussion est ouverte/).isVisible()).toBe(true);
    await expectNoSeriousViolations(visitor, 'home');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await expectNoSeriousViolations(visitor, 'waiting');

    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();

    const composer = visitor.getByLabel('Votre message');
    await composer.fill('Bonjour, je voudrais parler à quelqu’un.');
    await composer.press('Enter');
    const log = counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' });
    await log.getByText('Bonjour, je voudrais parler à quelqu’un.').waitFor();

    await counselor.getByLabel('Votre réponse').fill('Bonjour, je suis là. Je vous écoute.');
    await counselor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Bonjour, je suis là. Je vous écoute.').waitFor();
    await visitor
      .getByText(/^envoyé/)
      .first()
      .waitFor();
    await expectNoSeriousViolations(visitor, 'chat');

    await visitor.reload();
    await visitor.getByText('Bonjour, je suis là. Je vous écoute.').waitFor();
    expect(await visitor.getByText('Bonjour, je voudrais parler à quelqu’un.').count()).toBe(1);
    expect(await visitor.getByText('Bonjour, je suis là. Je vous écoute.').count()).toBe(1);

    await visitor.getByLabel('Votre message').fill('Merci, je reviens vers vous.');
    await visitor.getByRole('button', { name: 'Envoyer' }).click();
    await log.getByText('Merci, je reviens vers vous.').waitFor();
    expect(await log.getByText('Bonjour, je voudrais parler à quelqu’un.').count()).toBe(1);

    await counselor.getByRole('button', { name: 'Terminer la conversation' }).click();
    await counselor.getByRole('button', { name: 'Oui, terminer' }).click();
    await visitor.getByText('La conseillère a terminé la conversation.').waitFor();
    await expectNoSeriousViolations(visitor, 'closed');
    expect(await visitor.context().cookies()).toEqual([]);
    // Only the tab's random id is left, for blocks (decision 0014): no token, nothing of the conversation.
    expect(await visitor.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)])).toEqual([
      'havre.tab',
    ]);
  });

  it('lets the visitor end the conversation herself, and the counselor sees it', async () => {
    const counselor = await aCounselorAtHerDesk();
    const visitor = await openPage('/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    // She is in the queue before the counselor takes her.
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await visitor.getByLabel('Votre message').waitFor();
    await visitor.getByRole('button', { name: 'Terminer la conversation' }).click();
    await visitor.getByRole('button', { name: 'Oui, terminer' }).click();
    await visitor.getByText('Vous avez terminé la conversation.').waitFor();
    await counselor.getByText('Conversation terminée').waitFor();
  });

  it('shows the opening hours, the next opening and the emergency numbers when closed', async () => {
    suite.server.clock.advance(24 * 3600_000); // Thursday: closed until Monday 15:00 Paris time
    const visitor = await openPage('/');
    await visitor.getByText('La discussion est fermée pour le moment.').waitFor();
    await visitor
      .getByText(/lundi 7 décembre à 15 h/)
      .first()
      .waitFor();
    expect(await visitor.getByRole('button', { name: 'Commencer une conversation' }).count()).toBe(0);
    for (const number of ['17', '112', '114', '3919', '119']) {
      expect(await visitor.locator(`a[href$=":${number}"]`).count(), number).toBeGreaterThan(0);
    }
    await expectNoSeriousViolations(visitor, 'closed hours');
    const { width } = await visitor.evaluate(() => ({ width: document.documentElement.scrollWidth }));
    expect(width).toBeLessThanOrEqual(390);
  });

  it('switches the visitor page to English', async () => {
    const visitor = await openPage('/');
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.getByRole('button', { name: 'Start a conversation' }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
