// The visitor page's HTML, read once at start, with the admin's neutral title written into <title> for each
// request (the tab and the browser history show that title from the first byte, never the name of the
// service) and her quick-exit address into the loading screen's exit link, which works before any script.
// The page's one inline script (quick exit before the app has loaded) is allowed by its hash in the CSP.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TITLE = /<title>[\s\S]*?<\/title>/i;
const EARLY_EXIT = /(data-early-exit href=")[^"]*(")/;
const BRAND = /(<p class="brand" data-brand>)[^<]*(<\/p>)/;
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

export interface VisitorPage {
  render(page: { title: string; brand: string; quickExitUrl: string }): string;
  /** CSP sources of the page's inline scripts ('sha256-…'). */
  scriptHashes: string[];
}

/** Loads the built page; a page without a <title> would show its address in the history, so it is refused. */
export function loadVisitorPage(path: string): VisitorPage {
  const html = readFileSync(path, 'utf8');
  const match = TITLE.exec(html);
  if (!match) throw new Error(`${path} has no <title> for the neutral page title`);
  const before = html.slice(0, match.index);
  const after = html.slice(match.index + match[0].length);
  const scriptHashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  );
  return {
    scriptHashes,
    render: ({ title, brand, quickExitUrl }) => {
      const written = (value: string) => (_all: string, open: string, close: string) =>
        `${open}${escapeHtml(value)}${close}`;
      const body = after.replace(EARLY_EXIT, written(quickExitUrl)).replace(BRAND, written(brand));
      return `${before}<title>${escapeHtml(title)}</title>${body}`;
    },
  };
}

/**
 * The page for this request, compressed as the browser accepts (brotli, else gzip): it is written per request
 * (title, brand, exit address), so it is compressed per request too; a few kilobytes at a fast level. It holds
 * no secret, so compression cannot leak one (BREACH).
 */
export function compressedFor(
  acceptEncoding: string | undefined,
  html: string,
): { body: Buffer | string; encoding: 'br' | 'gzip' | null } {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) {
    return { body: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), encoding: 'br' };
  }
  if (/\bgzip\b/.test(accepted)) return { body: gzipSync(html), encoding: 'gzip' };
  return { body: html, encoding: null };
}
