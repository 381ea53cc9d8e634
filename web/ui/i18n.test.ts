import { describe, expect, it } from 'vitest';
import { createTranslator, interpolate, placeholders, plural } from './i18n.ts';

describe('i18n helper', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} et {b}', { a: 1 })).toBe('1 et {b}');
  });

  it('picks plural forms with the locale rules', () => {
    const t = createTranslator({ 'n.one': '{n} minute', 'n.other': '{n} minutes' });
    expect(plural(t, 'fr', 'n', 0)).toBe('0 minute');
    expect(plural(t, 'en', 'n', 0)).toBe('0 minutes');
    expect(plural(t, 'fr', 'n', 1)).toBe('1 minute');
    expect(plural(t, 'fr', 'n', 12)).toBe('12 minutes');
  });

  it('lists placeholders in order', () => {
    expect(placeholders('{time} {date} {time}')).toEqual(['date', 'time', 'time']);
  });
});
