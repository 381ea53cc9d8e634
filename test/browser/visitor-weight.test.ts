// What a visitor's phone downloads before a chat starts, as Chromium sees it on the wire: the page's scripts
// and styles arrive compressed (brotli, built once by Vite) and weigh at most 35 KB together.
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const BUDGET_BYTES = 35_000;
const suite = useBrowserSuite();

describe('the visitor page on the wire', { timeout: 60_000 }, () => {
  it('sends at most 35 KB of scripts and styles before a chat starts, compressed with brotli', async () => {
    const context = await suite.context(phone);
    const page = await context.newPage();
    const encodings = new Map<string, string | undefined>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path === '/' || /\.(js|css)$/.test(path)) encodings.set(path, response.headers()['content-encoding']);
    });
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('button', { name: 'Commencer une conversation' }).waitFor();

    const assets = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry as PerformanceResourceTiming)
        .filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname))
        .map((entry) => ({
          path: new URL(entry.name).pathname,
          sent: entry.encodedBodySize,
          size: entry.decodedBodySize,
        })),
    );
    expect(assets.some((asset) => asset.path.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      expect(encodings.get(asset.path), asset.path).toBe('br');
      expect(asset.sent, asset.path).toBeLessThan(asset.size);
    }
    expect(encodings.get('/')).toBe('br');
    const sent = assets.reduce((sum, asset) => sum + asset.sent, 0);
    expect(sent, JSON.stringify(assets)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
