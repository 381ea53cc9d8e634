// The desk's keyboard shortcuts: Alt+Shift with a letter, which neither screen readers (Insert, Caps Lock,
// Ctrl+Option) nor browsers claim, and never a bare printable key, which would type into the reply box.

export type ShortcutAction =
  | 'next-conversation'
  | 'previous-conversation'
  | 'take-next'
  | 'end-conversation'
  | 'block-visitor';

/** What a shortcut reads in a keydown event; a plain object so that the mapping is tested without a DOM. */
export interface ShortcutKey {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const letters: Readonly<Record<string, ShortcutAction>> = {
  n: 'next-conversation',
  p: 'previous-conversation',
  t: 'take-next',
  f: 'end-conversation',
  b: 'block-visitor',
};

/** The shortcuts in the order the help panel lists them. */
export const shortcutLetters: readonly { letter: string; action: ShortcutAction }[] = Object.entries(letters).map(
  ([letter, action]) => ({ letter: letter.toUpperCase(), action }),
);

/**
 * The letter a key names: `key` when it is a letter, so that each keyboard layout finds the letter where it is
 * printed; otherwise the physical key, because Alt+Shift on a Mac turns N into "˜".
 */
function letterOf({ key, code }: ShortcutKey): string | null {
  if (/^[a-z]$/i.test(key)) return key.toLowerCase();
  const physical = /^Key([A-Z])$/.exec(code);
  return physical?.[1] ? physical[1].toLowerCase() : null;
}

export function shortcutFor(event: ShortcutKey): ShortcutAction | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const letter = letterOf(event);
  return letter ? (letters[letter] ?? null) : null;
}
