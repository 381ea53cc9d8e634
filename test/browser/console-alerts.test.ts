// Sound and desktop alerts in Chromium: once a counselor turns desktop notifications on, a visitor who starts
// waiting while the console is hidden, or a message in a conversation not on screen, raises a notification,
// repeated every 30 seconds until seen and then no more; the title carries the count.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aVisitor, newClientId, type Recorded } from '../support/clients.ts';

const suite = useBrowserSuite();

interface RecordedNotification {
  title: string;
  body: string;
  tag: string;
}

declare global {
  interface Window {
    notifications: RecordedNotification[];
    /** Notes the console's chime has played. */
    notes: number;
    setHidden: (hidden: boolean) => void;
  }
}

/** Records every Notification built, and lets the test hide and show the console tab. */
function recordNotificationsAndVisibility(): void {
  window.notifications = [];
  window.notes = 0;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    window.notes += 1;
    return createOscillator.call(this);
  };
  const Native = window.Notification;
  class Recording extends Native {
    constructor(title: string, options: NotificationOptions = {}) {
      super(title, options);
      window.notifications.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
    }
  }
  Object.defineProperty(window, 'Notification', { value: Recording, configurable: true });
  let hidden = false;
  Object.defineProperty(Document.prototype, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  window.setHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
}

async function aCounselorWithNotifications(): Promise<Page> {
  const username = 'camille';
  const password = `${username} password 1`;
  await suite.server.havre.accounts.create({ username, displayName: username, password, role: 'counselor' });
  const context = await suite.context({ ...desktop, permissions: ['notifications'] });
  await context.addInitScript(recordNotificationsAndVisibility);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${suite.server.url}/console`);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await page.getByRole('button', { name: 'Alertes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alertes' });
  const desktopChoice = dialog.getByRole('checkbox', { name: /Notifications sur le bureau/ });
  expect(await desktopChoice.isChecked()).toBe(false);
  await desktopChoice.check();
  await expect.poll(() => desktopChoice.isChecked()).toBe(true);
  // Sound on: she hears the two-note chime at once.
  await dialog.getByRole('checkbox', { name: /Son/ }).check();
  await expect.poll(() => page.evaluate(() => window.notes)).toBe(2);
  await expectNoSeriousViolations(page, 'alerts dialog');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await dialog.waitFor({ state: 'hidden' });

  const available = page.getByRole('switch', { name: 'Disponible' });
  await available.click();
  await expect.poll(() => available.getAttribute('aria-checked')).toBe('true');
  return page;
}

const notifications = (page: Page) => page.evaluate(() => window.notifications);

async function aWaitingVisitor(): Promise<Recorded> {
  const visitor = suite.track(await aVisitor(suite.server));
  const ack = await visitor.ask('conversation:start', { intake: {} });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  return visitor;
}

describe('console alerts', { timeout: 60_000 }, () => {
  it('notifies of a visitor waiting while the console is hidden, every 30 s until seen', async () => {
    const page = await aCounselorWithNotifications();
    await page.evaluate(() => window.setHidden(true));
    await aWaitingVisitor();

    await expect
      .poll(() => notifications(page))
      .toEqual([
        {
          title: 'Une personne attend',
          body: '1 élément attend votre attention dans la console Havre.',
          tag: 'havre-alert',
        },
      ]);
    expect(await page.title()).toBe('(1) Havre — Console');
    // The chime's two notes, then one softer note for the reminder.
    await expect.poll(() => page.evaluate(() => window.notes)).toBe(4);

    await page.clock.fastForward('00:30');
    await expect.poll(async () => (await notifications(page)).length).toBe(2);
    await expect.poll(() => page.evaluate(() => window.notes)).toBe(5);

    // She comes back to the console: the waiting list is on screen, reminders stop.
    await page.evaluate(() => window.setHidden(false));
    await page.clock.fastForward('02:00');
    await page.getByRole('status').filter({ hasText: '1 personne en attente' }).waitFor();
    expect(await notifications(page)).toHaveLength(2);
    expect(await page.title()).toBe('(1) Havre — Console');
  });

  it('notifies of a message in a conversation not on screen until she opens it, and clears the title', async () => {
    const page = await aCounselorWithNotifications();
    const first = await aWaitingVisitor();
    await page.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await page.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    await aWaitingVisitor();
    await page.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await page.getByRole('tab', { name: /Visiteuse 2/, selected: true }).waitFor();
    await expect.poll(() => page.title()).toBe('Havre — Console');
    // Visitors arriving on screen only chime: no notification so far.
    expect(await notifications(page)).toEqual([]);

    const sent = await first.ask('message:send', { clientId: newClientId(), text: 'Vous êtes là ?' });
    expect(sent.ok).toBe(true);
    await expect
      .poll(() => notifications(page))
      .toEqual([
        {
          title: 'Nouveau message d’une visiteuse',
          body: '1 élément attend votre attention dans la console Havre.',
          tag: 'havre-alert',
        },
      ]);
    expect(await page.title()).toBe('(1) Havre — Console');
    expect(JSON.stringify(await notifications(page))).not.toContain('Vous êtes là');

    await page.clock.fastForward('00:30');
    await expect.poll(async () => (await notifications(page)).length).toBe(2);

    await page.getByRole('tab', { name: /Visiteuse 1/ }).click();
    await page.getByRole('log').getByText('Vous êtes là ?').waitFor();
    await expect.poll(() => page.title()).toBe('Havre — Console');
    await page.clock.fastForward('02:00');
    expect(await notifications(page)).toHaveLength(2);
  });

  it('notifies of a conversation given to her automatically while she is in another, until she opens it', async () => {
    const settings = await suite.server.havre.settings.current();
    await suite.server.havre.settings.update({ ...settings, autoAssignment: true });
    const page = await aCounselorWithNotifications();
    await aWaitingVisitor();
    // The first one opens on screen by itself: nothing to notify.
    await page.getByRole('tab', { name: /Visiteuse 1/, selected: true }).waitFor();
    await aWaitingVisitor();
    await page.getByRole('tab', { name: /Visiteuse 2/, selected: false }).waitFor();
    await expect
      .poll(() => notifications(page))
      .toEqual([
        {
          title: 'Une conversation vous a été confiée',
          body: 'Elle s’ouvre dans un nouvel onglet de la console Havre.',
          tag: 'havre-alert',
        },
      ]);
    await page.getByRole('tab', { name: /Visiteuse 2/ }).click();
    await page.clock.fastForward('02:00');
    expect(await notifications(page)).toHaveLength(1);
  });
});
