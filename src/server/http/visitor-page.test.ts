import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml, loadVisitorPage } from './visitor-page.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function page(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'havre-page-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), html);
  return join(dir, 'index.html');
}

describe('visitor page title', () => {
  it('writes the neutral title, escaped, in place of the built one', () => {
    const { render } = loadVisitorPage(
      page('<html><head><title>Havre — discussion</title></head><body></body></html>'),
    );
    const exit = 'https://example.org/';
    expect(render({ title: 'Recettes', brand: 'B', quickExitUrl: exit })).toBe(
      '<html><head><title>Recettes</title></head><body></body></html>',
    );
    expect(render({ title: '</title><script>alert(1)</script>', brand: 'B', quickExitUrl: exit })).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
  });

  it('writes the brand and the quick-exit address into the loading screen, and hashes the inline script for the CSP', () => {
    const script = 'window.x = 1;';
    const { render, scriptHashes } = loadVisitorPage(
      page(
        `<html><head><title>T</title><script>${script}</script><script type="module" src="/a.js"></script></head>` +
          '<body><p class="brand" data-brand>Havre</p>' +
          '<a class="button" data-early-exit href="https://meteofrance.com/">Quitter</a></body></html>',
      ),
    );
    const html = render({ title: 'T', brand: 'Recettes & co', quickExitUrl: 'https://example.org/?a=1&b=$1' });
    expect(html).toContain('data-early-exit href="https://example.org/?a=1&amp;b=$1"');
    expect(html).toContain('<p class="brand" data-brand>Recettes &amp; co</p>');
    expect(scriptHashes).toEqual([`'sha256-${createHash('sha256').update(script).digest('base64')}'`]);
  });

  it('refuses a page without a title', () => {
    expect(() => loadVisitorPage(page('<html><head></head></html>'))).toThrow(/no <title>/);
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });
});
