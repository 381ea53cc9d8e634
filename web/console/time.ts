// Small time helpers for the console's screens; `now` is passed in so that tests need no fake timers.
import type { Locale } from '../ui/i18n.ts';

/** Whole minutes elapsed since an ISO timestamp, never negative (clocks of server and browser differ a little). */
export function minutesSince(iso: string, now: number): number {
  const elapsed = now - Date.parse(iso);
  return Number.isFinite(elapsed) ? Math.max(0, Math.floor(elapsed / 60_000)) : 0;
}

/** "14:05": the time of day in the browser's zone. */
export function clockTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
