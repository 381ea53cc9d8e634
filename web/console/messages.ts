// Every text the staff console shows, in French (the default, messages-fr.ts) and English (messages-en.ts).
// Keys are typed from the French catalogue, so a text missing in English fails the type check, not the screen.
import { type Catalogue, createTranslator, type Locale, type Translate } from '../ui/i18n.ts';
import { en } from './messages-en.ts';
import { fr, type MessageKey } from './messages-fr.ts';

export type { MessageKey };

export const catalogues: Readonly<Record<Locale, Catalogue<MessageKey>>> = { fr, en };

export type ConsoleTranslate = Translate<MessageKey>;

export function consoleTranslator(locale: Locale): ConsoleTranslate {
  return createTranslator(catalogues[locale]);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}
