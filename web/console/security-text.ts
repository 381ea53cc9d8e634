// Sentences about account security that several screens share: how long a throttled login must wait.
import { type Locale, plural } from '../ui/i18n.ts';
import type { ConsoleTranslate } from './messages.ts';

export function throttleText(t: ConsoleTranslate, locale: Locale, seconds: number): string {
  const wait =
    seconds < 60
      ? plural(t, locale, 'login.waitSeconds', seconds)
      : plural(t, locale, 'login.waitMinutes', Math.ceil(seconds / 60));
  return t('login.throttled', { wait });
}
