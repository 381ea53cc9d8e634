// The counselor's desk over a long shift, in Chromium: each conversation shows how long it has lasted against
// the 30-minute target (notes at 25 and 30 minutes, never a cut), and the desk is fully usable from the
// keyboard, with the shortcuts listed in a help dialog.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/protocol/views.ts';
import { desktop } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aVisitor, type Recorded } from '../support/clients.ts';

const suite = useBrowserSuite();

async function aWaitingVisitor(): Promise<Recorded> {
  const visitor = suite.track(await aVisitor(suite.server));
  const ack = await visitor.ask('conversation:start', { intake: {} });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  return visitor;
}

/**
 * Signs a counselor in on a page whose clock the test can move, and makes her available. The console counts a
 * conversation's minutes on the server's clock (the offset it sees on each state), moving with the page's.
 */
async function aCounselorWithTestClock(): Promise<Page> {
  const username = 'camille';
  const password = `${username} password 1`;
  await suite.server.havre.accounts.create({ username, displayName: username, password, role: 'counselor' });
  const page = await (await suite.context(desktop)).newPage();
  await page.clock.install();
  await page.goto(`${suite.server.url}/console`);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const available = page.getByRole('switch', { name: 'Disponible' });
  await available.click();
  await expect.poll(() => available.getAttribute('aria-checked')).toBe('true');
  return page;
}

describe('the counselor desk', { timeout: 60_000 }, () => {
  it('shows how long a conversation lasts, with calm notes at 25 and 30 minutes and no cut', async () => {
    const page = await aCounselorWithTestClock();
    const visitor = await aWaitingVisitor();
    await page.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    const tab = page.getByRole('tab', { name: /Visiteuse 1/ });
    await tab.waitFor();
    // Half a minute past 25 minutes on the server, so that a second of drift cannot matter; the reload brings
    // a state with the server's time.
    suite.server.clock.advance(25.5 * 60_000);
    await page.reload();
    await tab.waitFor();

    const head = page.locator('.conversation-meta');
    await head.getByText('25 min', { exact: true }).waitFor();
    await head.getByRole('status').filter({ hasText: '25 min : pensez à préparer la fin de l’échange' }).waitFor();
    expect(await tab.textContent()).not.toContain('plus de 30 min');
    await expectNoSeriousViolations(page, 'conversation past 25 minutes');

    // The minutes move on their own, every 30 seconds.
    await page.clock.fastForward('05:00');
    await head.getByText('30 min', { exact: true }).waitFor();
    await head.getByRole('status').filter({ hasText: '30 min : durée cible atteinte' }).waitFor();
    await page.getByRole('tab', { name: /Visiteuse 1 · plus de 30 min/ }).waitFor();

    // Nothing is cut or blocked: she can still answer, and the visitor gets it.
    expect(await page.getByText('Conversation terminée').count()).toBe(0);
    await page.getByLabel('Votre réponse').fill('Je suis toujours là.');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    const reply = await visitor.next<MessageView>('message:new', (message) => message.author === 'counselor');
    expect(reply.text).toBe('Je suis toujours là.');
  });

  it('moves between conversations, takes the next person and asks before ending, all from the keyboard', async () => {
    const page = await suite.signIn('camille', 'counselor', { available: true });
    await aWaitingVisitor();
    await aWaitingVisitor();
    const waiting = page.getByRole('status').filter({ hasText: '2 personnes en attente' });
    await waiting.waitFor();

    await page.keyboard.press('Alt+Shift+T');
    await page.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 personne en attente' }).waitFor();
    await page.getByLabel('Votre réponse').focus();
    await page.keyboard.press('Alt+Shift+T');
    const second = page.getByRole('tab', { name: /Visiteuse 2/ });
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');

    // From the reply box too: the shortcut never types a letter there.
    const first = page.getByRole('tab', { name: /Visiteuse 1/ });
    await page.getByLabel('Votre réponse').focus();
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    const firstId = await first.getAttribute('id');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(firstId);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+Shift+P');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Votre réponse').inputValue()).toBe('');

    // Ending asks first, with the safe choice focused.
    await page.keyboard.press('Alt+Shift+F');
    await page.getByText('Terminer cette conversation ?').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Terminer la conversation' }).waitFor();
    expect(await page.getByText('Conversation terminée').count()).toBe(0);
  });

  it('lists the shortcuts in a dialog that closes with Escape and gives the focus back', async () => {
    const page = await suite.signIn('camille', 'counselor');
    const opener = page.getByRole('button', { name: 'Raccourcis clavier' });
    await opener.click();

    const dialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await dialog.waitFor();
    for (const action of [
      'Conversation suivante',
      'Conversation précédente',
      'Prendre la personne suivante (si vous êtes disponible)',
      'Terminer la conversation affichée (demande toujours confirmation)',
      'Envoyer la réponse (dans la zone de réponse)',
    ]) {
      await dialog.getByRole('cell', { name: action, exact: true }).waitFor();
    }
    expect(await dialog.getByRole('row').filter({ hasText: 'Conversation suivante' }).textContent()).toContain(
      'Alt + Maj + N',
    );
    await expectNoSeriousViolations(page, 'shortcuts dialog');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => opener.evaluate((button) => button === document.activeElement)).toBe(true);

    // Its own button closes it as well.
    await opener.click();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
