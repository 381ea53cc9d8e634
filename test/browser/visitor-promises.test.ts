// Smaller promises to a visitor (issue 10, item 5), in Chromium on a phone: the language she chose stays with
// her tab after a reload; the name at the top of the page is the admins' neutral one, from the first byte;
// and the tab's title is never empty while she leaves (an empty title shows the host name).
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { NEUTRAL, neutralSite, useBrowserSuite } from '../support/browser-suite.ts';

const suite = useBrowserSuite({
  answer: neutralSite,
});

describe('a visitor’s smaller promises in Chromium', { timeout: 60_000 }, () => {
  it('keeps the language she chose after a reload', async () => {
    const visitor = await suite.page(phone);
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.getByRole('heading', { name: 'Talk to a counselor' }).waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Talk to a counselor' }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('shows the admins’ neutral name from the first byte, and never an empty title while she leaves', async () => {
    const settings = await suite.server.havre.settings.current();
    await suite.server.havre.settings.update({
      ...settings,
      visitorPage: { ...settings.visitorPage, brand: 'Recettes du jour', title: 'Cuisine', quickExitUrl: NEUTRAL },
    });
    const html = await (await fetch(`${suite.server.url}/`)).text();
    expect(html).toContain('>Recettes du jour</p>');
    expect(html).not.toMatch(/>Havre</);

    const context = await suite.context(phone);
    const titles: string[] = [];
    await context.exposeFunction('seenTitle', (title: string) => void titles.push(title));
    await context.addInitScript(() => {
      const report = () => (window as unknown as { seenTitle(t: string): void }).seenTitle(document.title);
      new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const visitor = await context.newPage();
    await visitor.goto(`${suite.server.url}/`);
    await visitor.getByRole('banner').getByText('Recettes du jour').waitFor();
    expect(await visitor.getByText('Havre').count()).toBe(0);
    await visitor.getByRole('button', { name: 'Quitter cette page' }).click();
    await visitor.waitForURL(NEUTRAL);
    const onHavre = titles.filter((title) => title !== 'Météo');
    expect(onHavre.length).toBeGreaterThan(0);
    expect(onHavre.every((title) => title === 'Cuisine')).toBe(true);
  });
});
