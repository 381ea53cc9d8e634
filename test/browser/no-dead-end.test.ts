// No dead end for a visitor (issue 10, item 2): with site data blocked in her browser (common safety advice)
// the chat works and says plainly that a reload ends it; on a slow network the loading screen already has the
// quick exit, by button and by Shift three times, before the app's script has arrived.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, NEUTRAL, neutralSite, useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor, newClientId } from '../support/clients.ts';

const suite = useBrowserSuite({
  answer: neutralSite,
});

beforeEach(async () => {
  const settings = await suite.server.havre.settings.current();
  await suite.server.havre.settings.update({
    ...settings,
    visitorPage: { ...settings.visitorPage, quickExitUrl: NEUTRAL },
  });
});

async function pressShiftThreeTimes(page: Page) {
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
}

describe('no dead end for a visitor', { timeout: 90_000 }, () => {
  it('chats with site data blocked, says a reload would end it, and leaves with Shift three times', async () => {
    const visitor = await (await suite.contextWithSiteDataBlocked(phone)).newPage();
    await visitor.goto(`${suite.server.url}/`);
    // The browser really refuses: this is the page she gets, not a simulation of it.
    expect(
      await visitor.evaluate(() => {
        try {
          return typeof window.sessionStorage;
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('SecurityError');

    await visitor.getByText(/si vous rechargez ou fermez cette page, vous ne pourrez pas la reprendre/).waitFor();
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();

    const counselor = suite.track(await aCounselor(suite.server));
    const { conversation } = await counselor.ask('queue:take-next');
    await visitor.getByLabel('Votre message').fill('Je ne veux laisser aucune trace.');
    await visitor.getByLabel('Votre message').press('Enter');
    const received = await counselor.next('message:new');
    expect(received.message.text).toBe('Je ne veux laisser aucune trace.');
    await counselor.ask('message:send', {
      conversationId: conversation.id,
      clientId: newClientId(),
      text: 'Je suis là.',
    });
    await visitor.getByText('Je suis là.').waitFor();
    await visitor.getByText(/vous ne pourrez pas la reprendre/).waitFor();
    await expectNoSeriousViolations(visitor, 'chat with site data blocked');
    mkdirSync('/tmp/shots', { recursive: true });
    await visitor.screenshot({ path: '/tmp/shots/visitor-storage-blocked.png' });

    await pressShiftThreeTimes(visitor);
    await visitor.waitForURL(NEUTRAL);
  });

  for (const how of ['button', 'Shift three times'] as const) {
    it(`offers the quick exit on a slow network's loading screen, before the app has loaded (${how})`, async () => {
      const context = await suite.context(phone);
      const page = await context.newPage();
      const network = await context.newCDPSession(page);
      await network.send('Network.enable');
      // 16 kbit/s and 400 ms: the page's HTML arrives in about a second, its script would take a minute.
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: 2_000,
        uploadThroughput: 2_000,
      });
      await page.goto(`${suite.server.url}/`, { waitUntil: 'commit' });
      await page.getByText('Chargement…').waitFor();
      const exit = page.getByRole('link', { name: 'Quitter cette page' });
      await exit.waitFor();
      expect(await page.evaluate(() => 'havreApp' in window)).toBe(false);
      if (how === 'button') await exit.click();
      else await pressShiftThreeTimes(page);
      await page.waitForURL(NEUTRAL);
      await page.getByText('Météo').waitFor();
    });
  }
});
