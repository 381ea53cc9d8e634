// Nobody left alone (issue 12, item 1), in Chromium with several contexts: the counselor's browser is closed
// mid-conversation; her visitor is told at once and calmly, the supervision board flags it, and past the
// admins' limit the visitor is back at the head of the queue, told so in one line, and a colleague takes her
// with the whole conversation, nothing lost or shown twice. Then the visitor's tab is closed: her counselor
// sees that she left. The server's clock is moved instead of waiting minutes.
import { describe, expect, it } from 'vitest';
import { handBackText } from '../../src/server/jobs/presence-job.ts';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('presence in a conversation, in Chromium', { timeout: 120_000 }, () => {
  it('tells the visitor, flags it on the board, and hands her to a colleague with everything said', async () => {
    const camille = await suite.signIn('camille', 'counselor', { available: true });
    const supervisor = await suite.signIn('sophie', 'supervisor');
    await supervisor.getByRole('link', { name: 'Supervision' }).click();

    const visitor = await suite.page(phone, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await camille.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    const composer = visitor.getByLabel('Votre message');
    await composer.fill('Bonjour, vous êtes là ?');
    await composer.press('Enter');
    await camille.getByRole('log').getByText('Bonjour, vous êtes là ?').waitFor();

    // Her browser dies.
    await camille.context().close();
    await visitor.getByText(/Votre conseillère a perdu la connexion\. Restez sur cette page/).waitFor();
    // Past the time the admins set, on the server's clock, the board flags it (a reload brings its time).
    const { counselorFlagSeconds, handBackSeconds } = (await suite.server.havre.settings.current()).presence;
    suite.server.clock.advance(counselorFlagSeconds * 1000 + 1_000);
    await supervisor.reload();
    const conversations = supervisor.getByRole('region', { name: 'Conversations en cours' });
    await conversations.getByText(/Déconnectée depuis \d+ min : sa visiteuse attend/).waitFor();
    await expectNoSeriousViolations(visitor, 'counselor away');
    await visitor.screenshot({ path: '/tmp/shots/visitor-counselor-away.png', fullPage: true });
    await supervisor.screenshot({ path: '/tmp/shots/board-counselor-away.png' });

    // Past the limit, she is first in the queue again, told so in one line.
    suite.server.clock.advance((handBackSeconds - counselorFlagSeconds) * 1000);
    await suite.server.havre.presenceJob.runNow();
    await visitor.getByText(/Vous êtes de nouveau en tête de la file/).waitFor();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await visitor.screenshot({ path: '/tmp/shots/visitor-handed-back.png', fullPage: true });

    // A colleague takes her with the whole conversation, once.
    const lea = await suite.signIn('lea', 'counselor', { available: true });
    await lea.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    const log = lea.getByRole('log', { name: /Messages avec/ });
    await log.getByText('Bonjour, vous êtes là ?').waitFor();
    expect(await log.getByText('Bonjour, vous êtes là ?').count()).toBe(1);
    expect(await log.getByText(handBackText.fr ?? '').count()).toBe(1);
    await visitor.getByLabel('Votre message').waitFor();
    expect(await visitor.getByText('Bonjour, vous êtes là ?').count()).toBe(1);

    // Now the visitor's tab goes: Léa sees that she left, and may still wait for her.
    await visitor.context().close();
    await lea.getByText(/La personne (vient de se déconnecter|s’est déconnectée il y a \d+ min)/).waitFor();
    await expectNoSeriousViolations(lea, 'visitor away');
    await lea.screenshot({ path: '/tmp/shots/console-visitor-away.png' });
  });
});
