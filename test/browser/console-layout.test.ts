// A console that fits a laptop (issue 12, item 6), in Chromium: with two conversations, one with intake answers
// and one just handed over by a colleague (its banner on screen), the message area takes at least half the
// window's height at 1366×768 and 1280×720, and at 1024 px nothing is cut off (no sideways scrolling, the
// notes' button within the window). The supervision pages on a phone: one column, nothing overlapping, nothing
// off the side, while reading a conversation too. Screenshots at each size.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite();

describe('the console at laptop sizes', { timeout: 120_000 }, () => {
  it('gives the messages at least half the height, and cuts nothing off at 1024 px', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const visitor = await suite.page(phone, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    // She answers the questions: their answers take room in the conversation's head.
    for (const answer of ['Non', '18 à 21 ans', 'Pour moi']) await visitor.getByLabel(answer).check();
    await visitor.getByRole('button', { name: /Rejoindre la file/ }).click();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' }).waitFor();

    // A colleague hands her a second visitor, with a note: the transfer banner is on screen.
    const lea = await suite.signIn('lea', 'counselor', { available: true });
    await suite.waitingVisitor();
    await lea.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await lea.getByRole('button', { name: 'Transférer à une collègue' }).click();
    const dialog = lea.getByRole('dialog', { name: 'Transférer Visiteuse 2' });
    await dialog.getByLabel('camille — en conversation : 1 sur 2').check();
    await dialog.getByLabel('Note pour votre collègue (facultatif)').fill('Elle écrit depuis son travail.');
    await dialog.getByRole('button', { name: 'Transférer', exact: true }).click();
    await counselor.getByRole('status').filter({ hasText: 'lea vous a confié Visiteuse 2.' }).waitFor();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).click();
    const log = counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' });
    await log.waitFor();

    for (const [width, height] of [
      [1366, 768],
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await counselor.setViewportSize({ width, height });
      await counselor.screenshot({ path: `/tmp/shots/console-${width}x${height}.png` });
      const box = await log.boundingBox();
      expect(box?.height ?? 0, `message area at ${width}×${height}`).toBeGreaterThanOrEqual(height / 2);
    }

    await counselor.setViewportSize({ width: 1024, height: 768 });
    await counselor.screenshot({ path: '/tmp/shots/console-1024x768.png' });
    const sideways = await counselor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    const addNote = await counselor.getByRole('button', { name: 'Ajouter la note' }).boundingBox();
    expect((addNote?.x ?? 0) + (addNote?.width ?? 0)).toBeLessThanOrEqual(1024);

    // On a phone (a counselor on call): one column, nothing off the side.
    await counselor.setViewportSize({ width: 390, height: 844 });
    await counselor.screenshot({ path: '/tmp/shots/console-phone.png' });
    await counselor.getByRole('button', { name: 'Ajouter la note' }).scrollIntoViewIfNeeded();
    await counselor.screenshot({ path: '/tmp/shots/console-phone-tools.png' });
    await expectOneColumn(counselor, 'the desk on a phone');
  });

  it('shows the supervision pages on a phone in one column, nothing overlapping', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const supervisor = await suite.signIn('sophie', 'supervisor');
    await suite.waitingVisitor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await suite.waitingVisitor();

    await supervisor.setViewportSize({ width: 390, height: 844 });
    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    await supervisor.getByRole('region', { name: 'Conversations en cours' }).waitFor();
    await expectOneColumn(supervisor, 'the board');
    await supervisor.screenshot({ path: '/tmp/shots/board-phone.png', fullPage: true });

    await supervisor.getByRole('button', { name: 'Lire en silence la conversation de camille' }).click();
    await supervisor.getByRole('region', { name: 'Lecture silencieuse' }).waitFor();
    await expectOneColumn(supervisor, 'reading a conversation');
    await supervisor.getByRole('region', { name: 'Lecture silencieuse' }).scrollIntoViewIfNeeded();
    await supervisor.screenshot({ path: '/tmp/shots/board-phone-reading.png' });
  });
});

/** No sideways scrolling, and no two panels of the page on top of each other. */
async function expectOneColumn(page: Page, screen: string): Promise<void> {
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways, `${screen}: sideways scrolling`).toBeLessThanOrEqual(0);
  // The panels, and the conversation beside (or under) its tools: none may sit on another it does not hold.
  const boxes = await page.evaluate(() => {
    const shown = [...document.querySelectorAll('.panel, .conversation, .conversation-side')].filter((element) => {
      const { width, height } = element.getBoundingClientRect();
      return width > 0 && height > 0;
    });
    return shown.map((element) => {
      const { left, right, top, bottom } = element.getBoundingClientRect();
      const nested = shown.flatMap((other, index) => (other !== element && other.contains(element) ? [index] : []));
      // What does not scroll must hold its content: spilling out is sitting on the neighbour too.
      const spills =
        getComputedStyle(element).overflowY === 'visible' && element.scrollHeight > element.clientHeight + 1;
      return { left, right, top, bottom, name: element.className, nested, spills };
    });
  });
  expect(boxes.length, `${screen}: panels`).toBeGreaterThanOrEqual(2);
  for (const [index, one] of boxes.entries()) {
    expect(one.right, `${screen}: ${one.name} off the side`).toBeLessThanOrEqual(390);
    expect(one.spills, `${screen}: ${one.name} spills out`).toBe(false);
    for (const [otherIndex, other] of boxes.entries()) {
      if (otherIndex <= index || one.nested.includes(otherIndex) || other.nested.includes(index)) continue;
      const overlap =
        one.left < other.right && other.left < one.right && one.top < other.bottom && other.top < one.bottom;
      expect(overlap, `${screen}: ${one.name} over ${other.name}`).toBe(false);
    }
  }
}
