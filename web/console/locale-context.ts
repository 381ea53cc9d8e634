// The console's language for every component: French unless she chose English on this device.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../ui/i18n.ts';
import { type ConsoleTranslate, consoleTranslator } from './messages.ts';

export interface LocaleValue {
  locale: Locale;
  t: ConsoleTranslate;
  setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleValue>({
  locale: 'fr',
  t: consoleTranslator('fr'),
  setLocale: () => {},
});

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}

const storageKey = 'havre.console.locale';

/** Staff devices may remember the language; visitors' devices never store anything (that is the other app). */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}
