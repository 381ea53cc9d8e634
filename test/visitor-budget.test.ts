// The visitor page must load fast on a cheap phone on 3G: its JavaScript and CSS, as built, stay within
// 35 KB once gzipped. Runs on the build in dist/web (npm test builds first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const BUDGET_BYTES = 35_000;
const web = join(import.meta.dirname, '../dist/web');

describe('visitor bundle', () => {
  it('stays within 35 KB of gzipped JavaScript and CSS', () => {
    const html = readFileSync(join(web, 'visitor/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    const total = assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(web, asset))).length, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
