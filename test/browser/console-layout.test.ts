// A console that fits a laptop (issue 12, item 6), in Chromium: with a conversation that has intake answers,
// the message area takes at least half the window's height at 1366×768 and 1280×720, and at 1024 px nothing
// is cut off (no sideways scrolling, the notes' button within the window). Screenshots at each size.
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
    const log = counselor.getByRole('log', { name: /Messages avec Visiteuse/ });
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
  });
});
