// Her conversations at a glance (issue 12, item 6), in Chromium: each one in the list shows its last message and,
// when the visitor wrote last, how long she has been waiting for a reply, counted on the server's clock (the
// browser's may be off by hours: the test server's is on purpose). A reply ends the wait.
import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('the conversation list, in Chromium', { timeout: 120_000 }, () => {
  it('shows the last message and how long she has waited for a reply, on the server clock', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const visitors = [];
    for (const text of ['Bonjour, je suis la première', 'Bonsoir, c’est la deuxième']) {
      const visitor = await suite.waitingVisitor();
      await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
      await visitor.getByLabel('Votre message').fill(text);
      await visitor.getByLabel('Votre message').press('Enter');
      await counselor.getByRole('tab', { description: text }).waitFor();
      visitors.push(visitor);
    }
    const first = counselor.getByRole('tab', { name: /Visiteuse 1/ });
    const second = counselor.getByRole('tab', { name: /Visiteuse 2/ });
    await first.getByText(/attend votre réponse depuis 0 min/).waitFor();

    // Four minutes later (on the server), after a reload: the wait is counted from her message, not from the
    // browser's clock, and not reset by the reload.
    suite.server.clock.advance(4 * 60_000);
    await counselor.reload();
    await first.getByText('attend votre réponse depuis 4 min').waitFor();
    await second.getByText('attend votre réponse depuis 4 min').waitFor();
    expect(await first.getAttribute('aria-selected')).toBe('true');

    // She answers the first: its wait ends, and its last message is hers.
    const composer = counselor.getByLabel(/Votre réponse/);
    await composer.fill('Je suis là, je vous lis.');
    await composer.press('Enter');
    await counselor
      .getByRole('tab', { name: /Visiteuse 1/, description: /Vous : Je suis là, je vous lis\./ })
      .waitFor();
    expect(await first.getByText(/attend votre réponse/).count()).toBe(0);
    await second.getByText('attend votre réponse depuis 4 min').waitFor();

    await expectNoSeriousViolations(counselor, 'conversation list');
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await counselor.setViewportSize({ width, height });
      await counselor.screenshot({ path: `/tmp/shots/conversation-list-${width}x${height}.png` });
    }
    await visitors[0]?.getByText('Je suis là, je vous lis.').waitFor();
  });
});
