// Rules for canned answers and resource cards: who may change which, how a `/shortcut` typed in the composer
// is found and filtered, and how a resource card reads once inserted as plain text.
import type { ResourceCard } from '../protocol/canned-answers.ts';
import type { Role } from '../protocol/schemas.ts';

export interface CannedActor {
  id: string;
  role: Role;
}

/** Team answers are the team's voice: supervisors and admins keep them. A personal answer is its owner's only. */
export function mayEditCannedAnswer(actor: CannedActor, ownerId: string | null): boolean {
  if (ownerId === null) return actor.role === 'supervisor' || actor.role === 'admin';
  return ownerId === actor.id;
}

export interface SlashQuery {
  /** Index of the `/` in the text. */
  start: number;
  /** What she typed after it, up to the caret. */
  query: string;
}

/** A `/` at the start of a word, followed by shortcut characters up to the caret: the list should open. */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9-]*)$/i.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query: query.toLowerCase() };
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * Answers whose shortcut starts with the query come first (in shortcut order), then those whose shortcut or
 * title contains it, ignoring case and accents.
 */
export function matchCannedAnswers<T extends { shortcut: string; title: string }>(
  answers: readonly T[],
  query: string,
): T[] {
  const wanted = fold(query.trim());
  const byShortcut = (a: T, b: T) => a.shortcut.localeCompare(b.shortcut, 'fr', { numeric: true });
  if (wanted === '') return [...answers].sort(byShortcut);
  const prefix = answers.filter((answer) => answer.shortcut.startsWith(wanted)).sort(byShortcut);
  const inside = answers
    .filter((answer) => !answer.shortcut.startsWith(wanted))
    .filter((answer) => answer.shortcut.includes(wanted) || fold(answer.title).includes(wanted))
    .sort(byShortcut);
  return [...prefix, ...inside];
}

/** Replaces `text[start, end)` with `insertion`; the caret goes right after it. */
export function replaceRange(
  text: string,
  start: number,
  end: number,
  insertion: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + insertion + text.slice(end), caret: start + insertion.length };
}

export interface CardLabels {
  phone: string;
  link: string;
  address: string;
  hours: string;
}

/** A card as a visitor reads it in a plain-text chat: one fact per line, labels she understands. */
export function resourceCardText(card: ResourceCard, labels: CardLabels): string {
  const lines = [card.name.trim()];
  for (const phone of card.phones) lines.push(`${labels.phone} ${phone.trim()}`);
  if (card.hours.trim()) lines.push(`${labels.hours} ${card.hours.trim()}`);
  if (card.address.trim()) lines.push(`${labels.address} ${card.address.trim()}`);
  for (const link of card.links) lines.push(`${labels.link} ${link}`);
  return lines.join('\n');
}
