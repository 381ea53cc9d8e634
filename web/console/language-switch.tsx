// Switches the console between French and English; the button is written in the language it switches to.
import { useLocale } from './locale-context.ts';

export function LanguageSwitch() {
  const { locale, t, setLocale } = useLocale();
  const other = locale === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" class="button button-quiet button-small" lang={other} onClick={() => setLocale(other)}>
      {t('app.languageSwitch')}
    </button>
  );
}
