// The current locale and its `t()`, shared by every visitor component. The choice lives in memory only.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, type Locale, type Translate } from '../ui/i18n.ts';
import { catalogueOf, type MessageKey } from './messages.ts';

export interface Texts {
  locale: Locale;
  t: Translate<MessageKey>;
}

export function textsFor(locale: Locale): Texts {
  return { locale, t: createTranslator(catalogueOf(locale)) };
}

export const TextsContext = createContext<Texts>(textsFor('fr'));

export function useTexts(): Texts {
  return useContext(TextsContext);
}
