// A tiny translation helper for the web apps: flat fr/en catalogues and `{name}` placeholders.
// No i18n library: the visitor bundle must stay small enough for cheap phones on poor networks.
import type { Locale } from '../../src/protocol/schemas.ts';

export type { Locale };

export type Catalogue<K extends string> = Readonly<Record<K, string>>;
export type Params = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** Replaces each `{name}` with its parameter; an unknown placeholder stays visible so that tests catch it. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function createTranslator<K extends string>(catalogue: Catalogue<K>): Translate<K> {
  return (key, params) => interpolate(catalogue[key], params);
}

/**
 * Picks `${base}.one` or `${base}.other` with the locale's plural rules (in French 0 and 1 are singular),
 * and passes the count as `{n}`.
 */
export function plural<K extends string>(
  t: Translate<K>,
  locale: Locale,
  base: string,
  count: number,
  params: Params = {},
): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as K, { n: count, ...params });
}

/** Placeholders a template uses, to check that both catalogues ask for the same ones. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
