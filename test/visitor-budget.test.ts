// The visitor page must load fast on a cheap phone on 3G: its JavaScript and CSS, as served, stay within
// 35 KB. Havre serves them as built by Vite, brotli-compressed (`.br` beside each asset; the browser test
// test/browser/visitor-weight.test.ts measures them on the wire). Runs on the build in dist/web (npm test
// builds first).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUDGET_BYTES = 35_000;
const web = join(import.meta.dirname, '../dist/web');

describe('visitor bundle', () => {
  it('stays within 35 KB of JavaScript and CSS as served (brotli)', () => {
    const html = readFileSync(join(web, 'visitor/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    const total = assets.reduce((sum, asset) => sum + readFileSync(join(web, `${asset}.br`)).length, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  // Loaded later, each on its own: the admission work's solver when she starts, English when she switches.
  it.each([
    ['the admission work solver', 'work-worker-', 1_500],
    ['the English texts', 'messages-en-', 3_000],
  ])('keeps %s apart and small', (_name, prefix, budget) => {
    const file = readdirSync(join(web, 'assets')).find((name) => name.startsWith(prefix) && name.endsWith('.js'));
    expect(file).toBeDefined();
    expect(readFileSync(join(web, 'assets', `${file}.br`)).length).toBeLessThanOrEqual(budget);
  });
});
