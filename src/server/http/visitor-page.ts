// The visitor page's HTML, read once at start, with the admin's neutral title written into <title> for each
// request: the tab and the browser history show that title from the first byte, never the name of the service.
import { readFileSync } from 'node:fs';

const TITLE = /<title>[\s\S]*?<\/title>/i;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** Loads the built page; a page without a <title> would show its address in the history, so it is refused. */
export function loadVisitorPage(path: string): (title: string) => string {
  const html = readFileSync(path, 'utf8');
  const match = TITLE.exec(html);
  if (!match) throw new Error(`${path} has no <title> for the neutral page title`);
  const before = html.slice(0, match.index);
  const after = html.slice(match.index + match[0].length);
  return (title) => `${before}<title>${escapeHtml(title)}</title>${after}`;
}
