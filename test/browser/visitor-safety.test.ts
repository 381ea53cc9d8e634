// The visitor's safety features in Chromium: quick exit (button on a phone, Shift three times from the queue)
// that wipes the tab and leaves for a neutral site, the optional intake with the emergency numbers on an
// urgent answer, admission paused, the warning when the wait runs past closing time, and erasing the finished
// conversation from the device. No request leaves the machine: the neutral site is answered by the test.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/protocol/schemas.ts';
import { desktop, phone } from '../support/browser.ts';
import { expectNoSeriousViolations, NEUTRAL, neutralSite, useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor, aVisitor, newClientId } from '../support/clients.ts';

const suite = useBrowserSuite({
  answer: neutralSite,
});
const track = suite.track;
const openPage = (options: typeof phone, path = '/') => suite.page(options, path);
const aCounselorAtHerDesk = () => suite.signIn('camille', 'counselor', { available: true });

beforeEach(async () => {
  await change((settings) => ({ ...settings, visitorPage: { ...settings.visitorPage, quickExitUrl: NEUTRAL } }));
});

async function change(edit: (settings: Settings) => Settings) {
  await suite.server.havre.settings.update(edit(await suite.server.havre.settings.current()));
}

/** From the home screen to the queue, without answering the optional questions. */
async function joinTheQueue(visitor: Page) {
  await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
  await visitor.getByRole('button', { name: 'Passer les questions' }).click();
  await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
}

/** Leaves something in every store Havre could use, so that a wipe is seen to wipe. */
async function leaveTraces(page: Page) {
  await page.evaluate(async () => {
    sessionStorage.setItem('trace', 'session');
    localStorage.setItem('trace', 'local');
    const cache = await caches.open('havre-trace');
    await cache.put('/trace', new Response('trace'));
  });
}

async function traces(page: Page) {
  return page.evaluate(async () => ({
    session: sessionStorage.length,
    local: localStorage.length,
    caches: (await caches.keys()).length,
  }));
}

describe('visitor safety in Chromium', { timeout: 60_000 }, () => {
  it('quick exit by button from the chat: neutral site, nothing left behind, the counselor told', async () => {
    const counselor = await aCounselorAtHerDesk();
    const visitor = await (await suite.context(phone)).newPage();
    // Two entries in the tab's history, as when she came from another page: Back after quick exit must land
    // on a page of the origin that shows nothing of the conversation.
    await visitor.goto(`${suite.server.url}/`);
    await visitor.goto(`${suite.server.url}/?depuis=lien`);
    expect(await visitor.title()).toBe('Messagerie');

    await joinTheQueue(visitor);
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await visitor.getByLabel('Votre message').fill('Il regarde mon téléphone le soir.');
    await visitor.getByLabel('Votre message').press('Enter');
    await counselor.getByRole('log').getByText('Il regarde mon téléphone le soir.').waitFor();
    await counselor.getByLabel('Votre réponse').fill('Je comprends. Vous pouvez partir à tout moment.');
    await counselor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Je comprends. Vous pouvez partir à tout moment.').waitFor();
    await leaveTraces(visitor);

    await visitor.getByRole('button', { name: 'Quitter cette page' }).click();
    await visitor.waitForURL(NEUTRAL);
    await visitor.getByText('Météo').waitFor();
    expect(await visitor.title()).toBe('Météo');
    await counselor.getByText('La visiteuse est partie rapidement').waitFor();

    await visitor.goBack();
    expect(visitor.url()).toBe(`${suite.server.url}/`);
    for (const step of ['back', 'reload']) {
      if (step === 'reload') await visitor.reload();
      await visitor.getByText(/La discussion est ouverte/).waitFor();
      expect(await visitor.getByText('Il regarde mon téléphone le soir.').count(), step).toBe(0);
      expect(await visitor.getByText('Je comprends.', { exact: false }).count(), step).toBe(0);
      expect(await visitor.getByLabel('Votre message').count(), step).toBe(0);
    }
    expect(await traces(visitor)).toEqual({ session: 0, local: 0, caches: 0 });
  });

  it('quick exit from the keyboard (Shift three times) while waiting in the queue', async () => {
    const staff = track(await aCounselor(suite.server, { available: false }));
    const visitor = await openPage(desktop);
    await joinTheQueue(visitor);
    await staff.next('queue:update', (queue: any) => queue.waiting === 1);
    await leaveTraces(visitor);

    for (let press = 0; press < 3; press++) await visitor.keyboard.press('Shift');
    await visitor.waitForURL(NEUTRAL);
    await visitor.getByText('Météo').waitFor();
    // The server was told at once: her place is given up without waiting for the grace period.
    await staff.next('queue:update', (queue: any) => queue.waiting === 0);

    await visitor.goto(`${suite.server.url}/`);
    await visitor.getByText(/La discussion est ouverte/).waitFor();
    expect(await visitor.getByText('Vous êtes dans la file d’attente').count()).toBe(0);
    expect(await traces(visitor)).toEqual({ session: 0, local: 0, caches: 0 });
  });

  it('intake: "in danger" shows the emergency numbers before she joins, and she is marked urgent', async () => {
    const counselor = await aCounselorAtHerDesk();
    const staff = track(await aCounselor(suite.server, { available: false }));
    const visitor = await openPage(phone);
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByText('Ces questions sont facultatives.', { exact: false }).waitFor();
    await expectNoSeriousViolations(visitor, 'intake');

    const danger = visitor.getByRole('group', { name: 'Êtes-vous en danger en ce moment ?' });
    await danger.getByRole('radio', { name: 'Oui' }).check();
    const alert = visitor.getByRole('alert').filter({
      hasText: 'Si vous êtes en danger immédiat, appelez le 17 ou envoyez un SMS au 114.',
    });
    await alert.waitFor();
    for (const number of ['17', '112', '114', '3919', '119']) {
      await visitor.locator(`.urgent a[href$=":${number}"]`).waitFor();
    }
    // The numbers are on screen without scrolling, right under her answer.
    expect(await visitor.locator('.urgent a[href="tel:17"]').isVisible()).toBe(true);
    const box = await visitor.locator('.urgent-lead').boundingBox();
    expect(box && box.y + box.height).toBeLessThan(844);
    await expectNoSeriousViolations(visitor, 'intake, urgent answer');

    await visitor
      .getByRole('group', { name: 'Quel âge avez-vous ?' })
      .getByRole('radio', { name: '18 à 21 ans' })
      .check();
    await visitor.getByRole('button', { name: 'Rejoindre la file d’attente' }).click();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await visitor.getByText('Si vous êtes en danger immédiat', { exact: false }).first().waitFor();

    const entries = counselor.getByRole('region', { name: 'File d’attente' }).getByRole('listitem');
    await entries.first().getByText('Urgent', { exact: true }).waitFor();
    // Only what she answered reaches the server.
    const queue = await staff.next('queue:update', (q: any) => q.waiting === 1);
    expect(queue.entries.map((e: any) => [e.urgent, e.intake])).toEqual([[true, { danger: 'yes', age: '18-21' }]]);
  });

  it('paused admission: says so, when to come back and where else to turn; then lets her in again', async () => {
    const visitor = await openPage(phone);
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).waitFor();
    // Paused after her page loaded: the server's refusal is what she sees.
    await change((settings) => ({ ...settings, admission: { paused: true, maxQueue: null } }));
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();

    await visitor.getByText('Les nouvelles conversations sont suspendues pour le moment.').waitFor();
    await visitor
      .getByText(/Réessayez un peu plus tard, ou à la prochaine ouverture : lundi 7 décembre à 15 h/)
      .waitFor();
    await visitor.getByText('Ces lignes gratuites vous répondent 24 h/24 :').waitFor();
    expect(await visitor.locator('.alternatives a[href="tel:3919"]').count()).toBe(1);
    expect(await visitor.locator('.alternatives a[href="tel:119"]').count()).toBe(1);
    expect(await visitor.getByRole('button', { name: 'Commencer une conversation' }).count()).toBe(0);
    await expectNoSeriousViolations(visitor, 'admission refused');

    // A fresh page knows it from the status, before she tries.
    await visitor.reload();
    await visitor.getByText('Les nouvelles conversations sont suspendues pour le moment.').waitFor();
    expect(await visitor.getByRole('button', { name: 'Commencer une conversation' }).count()).toBe(0);

    await change((settings) => ({ ...settings, admission: { paused: false, maxQueue: null } }));
    await visitor.getByRole('button', { name: 'Réessayer' }).click();
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).waitFor();
  });

  it('warns before and while she waits that the wait runs past closing time, also after a reload', async () => {
    await change((settings) => ({ ...settings, servePastClosingMinutes: 0 })); // the chat closes at the hour
    suite.server.clock.advance(3 * 3600_000 + 20 * 60_000); // 17:50 in Paris; closes at 18:00
    const staff = track(await aCounselor(suite.server));
    for (let i = 0; i < 2; i++) {
      await track(await aVisitor(suite.server)).ask('conversation:start');
      await staff.ask('queue:take-next');
    }
    const warning =
      'L’attente estimée dépasse l’heure de fermeture (18 h) : vous risquez de ne pas pouvoir être accueillie aujourd’hui.';

    const visitor = await openPage(phone);
    await visitor.getByText(warning).waitFor();
    await visitor.getByText('Attente estimée : environ 15 minutes.').waitFor();
    await visitor.getByText(/Prochaine ouverture : lundi 7 décembre à 15 h/).waitFor();
    expect(await visitor.locator('.alternatives a[href="tel:3919"]').count()).toBe(1);
    await expectNoSeriousViolations(visitor, 'home, wait past closing');

    await joinTheQueue(visitor);
    const live = visitor.locator('[aria-live="polite"]').filter({ hasText: warning });
    await live.waitFor();
    expect(await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').count()).toBe(1);
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
    await live.waitFor();
  });

  it('erases the finished conversation from the device', async () => {
    const staff = track(await aCounselor(suite.server));
    const visitor = await openPage(phone);
    await joinTheQueue(visitor);
    const { conversation } = await staff.ask('queue:take-next');
    await staff.ask('message:send', {
      conversationId: conversation.id,
      clientId: newClientId(),
      text: 'Bonjour, je vous écoute.',
    });
    await visitor.getByText('Bonjour, je vous écoute.').waitFor();
    await leaveTraces(visitor);
    await staff.ask('conversation:end', { conversationId: conversation.id });

    await visitor.getByText('La conseillère a terminé la conversation.').waitFor();
    await visitor.getByRole('button', { name: 'Effacer cette conversation de cet appareil' }).click();
    await visitor.getByText('La conversation a été effacée de cet appareil.').waitFor();
    // Focus moves to the confirmation once it is on screen (an effect after the render): wait for it.
    await expect
      .poll(() => visitor.evaluate(() => document.activeElement?.textContent))
      .toBe('La conversation a été effacée de cet appareil.');
    await visitor.getByRole('button', { name: 'Retour à l’accueil' }).waitFor();
    expect(await visitor.getByText('La conseillère a terminé la conversation.').count()).toBe(0);
    expect(await visitor.getByText('Bonjour, je vous écoute.').count()).toBe(0);
    expect(await traces(visitor)).toEqual({ session: 0, local: 0, caches: 0 });
    expect(await visitor.evaluate(() => [history.state, location.search])).toEqual([null, '']);
    await expectNoSeriousViolations(visitor, 'erased');

    await visitor.getByRole('button', { name: 'Retour à l’accueil' }).click();
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).waitFor();
  });
});
