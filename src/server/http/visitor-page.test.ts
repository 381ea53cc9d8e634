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
    const render = loadVisitorPage(page('<html><head><title>Havre — discussion</title></head><body></body></html>'));
    expect(render('Recettes')).toBe('<html><head><title>Recettes</title></head><body></body></html>');
    expect(render('</title><script>alert(1)</script>')).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
  });

  it('refuses a page without a title', () => {
    expect(() => loadVisitorPage(page('<html><head></head></html>'))).toThrow(/no <title>/);
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });
});
