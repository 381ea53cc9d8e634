// Automatic assignment in Chromium: an admin turns it on in the settings; a visitor who starts waiting is
// given to the available counselor, whose console opens the conversation by itself, and a second one opens
// in a new tab without taking her away from the conversation she is in.
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/protocol/views.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { aVisitor, newClientId, type Recorded } from '../support/clients.ts';

const suite = useBrowserSuite();

async function aVisitorWaiting(): Promise<Recorded> {
  const visitor = suite.track(await aVisitor(suite.server));
  const ack = await visitor.ask('conversation:start', { intake: {} });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  return visitor;
}

describe('automatic assignment', { timeout: 60_000 }, () => {
  it('opens the conversation by itself in the console of the counselor it is given to', async () => {
    const admin = await suite.signIn('ada', 'admin');
    await admin.getByRole('link', { name: 'Administration' }).click();
    const automatic = admin.getByRole('checkbox', { name: 'Attribution automatique' });
    expect(await automatic.isChecked()).toBe(false);
    await automatic.check();
    await admin.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await admin.getByText('Réglages enregistrés.').waitFor();
    expect((await suite.server.havre.settings.current()).autoAssignment).toBe(true);

    const page = await suite.signIn('camille', 'counselor', { available: true });
    const first = await aVisitorWaiting();
    // Nobody clicks "take the next person": the conversation is there, open, ready for her answer.
    await page.getByRole('tab', { name: /Visiteuse 1/, selected: true }).waitFor();
    await first.next('conversation:state', (state: { status: string }) => state.status === 'active');
    await first.ask('message:send', { clientId: newClientId(), text: 'Bonjour, vous êtes là ?' });
    await page.getByRole('log').getByText('Bonjour, vous êtes là ?').waitFor();
    await page.getByLabel('Votre réponse').fill('Oui, je suis là.');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    const reply = await first.next<MessageView>('message:new', (message) => message.author === 'counselor');
    expect(reply.text).toBe('Oui, je suis là.');

    // A second one opens in its own tab; the first stays on screen.
    await aVisitorWaiting();
    await page.getByRole('tab', { name: /Visiteuse 2/, selected: false }).waitFor();
    await page.getByRole('tab', { name: /Visiteuse 1/, selected: true }).waitFor();
    await page.getByText('Conversations en cours : 2 sur 2').waitFor();

    // At her limit, the third waits in the queue.
    await aVisitorWaiting();
    await page.getByRole('status').filter({ hasText: '1 personne en attente' }).waitFor();
    expect(await page.getByRole('tab', { name: /Visiteuse 3/ }).count()).toBe(0);
  });
});
