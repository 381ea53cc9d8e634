// The canned-answer form as plain strings (phones and links one per line), and its conversions to and from
// what the server takes, so that the form's rules are tested without a page.
import type { CannedAnswerInput, CannedAnswerView, CannedScope } from '../../src/protocol/canned-answers.ts';

export interface CannedDraft {
  kind: 'text' | 'card';
  scope: CannedScope;
  shortcut: string;
  title: string;
  text: string;
  name: string;
  phones: string;
  links: string;
  address: string;
  hours: string;
}

export function emptyDraft(kind: 'text' | 'card', scope: CannedScope): CannedDraft {
  return { kind, scope, shortcut: '', title: '', text: '', name: '', phones: '', links: '', address: '', hours: '' };
}

export function draftOf(answer: CannedAnswerView): CannedDraft {
  const card = answer.card;
  return {
    kind: answer.kind,
    scope: answer.scope,
    shortcut: answer.shortcut,
    title: answer.title,
    text: answer.text ?? '',
    name: card?.name ?? '',
    phones: card?.phones.join('\n') ?? '',
    links: card?.links.join('\n') ?? '',
    address: card?.address ?? '',
    hours: card?.hours ?? '',
  };
}

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** What to send; the server checks the rest and answers with a clear code. */
export function inputOf(draft: CannedDraft): CannedAnswerInput {
  const common = { scope: draft.scope, shortcut: draft.shortcut.trim().toLowerCase(), title: draft.title.trim() };
  if (draft.kind === 'text') return { kind: 'text', ...common, text: draft.text };
  return {
    kind: 'card',
    ...common,
    card: {
      name: draft.name.trim(),
      phones: lines(draft.phones),
      links: lines(draft.links),
      address: draft.address.trim(),
      hours: draft.hours.trim(),
    },
  };
}
