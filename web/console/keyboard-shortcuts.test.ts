import { describe, expect, it } from 'vitest';
import { type ShortcutKey, shortcutFor, shortcutLetters } from './keyboard-shortcuts.ts';

const aKey = (key: string, change: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...change,
});

describe('shortcutFor', () => {
  it('maps Alt+Shift with N, P, T and F to the desk actions', () => {
    expect(shortcutFor(aKey('N'))).toBe('next-conversation');
    expect(shortcutFor(aKey('P'))).toBe('previous-conversation');
    expect(shortcutFor(aKey('T'))).toBe('take-next');
    expect(shortcutFor(aKey('F'))).toBe('end-conversation');
    expect(shortcutFor(aKey('B'))).toBe('block-visitor');
  });

  it('accepts lower case letters (Caps Lock, some layouts)', () => {
    expect(shortcutFor(aKey('n'))).toBe('next-conversation');
  });

  it('reads the physical key when Alt+Shift turns the letter into a symbol (macOS)', () => {
    expect(shortcutFor(aKey('˜', { code: 'KeyN' }))).toBe('next-conversation');
    expect(shortcutFor(aKey('∏', { code: 'KeyP' }))).toBe('previous-conversation');
  });

  it('follows the printed letter rather than its position on other layouts', () => {
    // On AZERTY the key printed A sits where QWERTY has Q.
    expect(shortcutFor(aKey('a', { code: 'KeyQ' }))).toBeNull();
  });

  it('ignores keys without both Alt and Shift, or with Ctrl or Meta', () => {
    expect(shortcutFor(aKey('N', { altKey: false }))).toBeNull();
    expect(shortcutFor(aKey('N', { shiftKey: false }))).toBeNull();
    expect(shortcutFor(aKey('N', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(aKey('N', { metaKey: true }))).toBeNull();
  });

  it('ignores other keys, "?" and Enter among them', () => {
    expect(shortcutFor(aKey('?', { code: 'Slash' }))).toBeNull();
    expect(shortcutFor(aKey('Enter', { code: 'Enter' }))).toBeNull();
    expect(shortcutFor(aKey('X'))).toBeNull();
  });

  it('lists every action once for the help panel', () => {
    expect(shortcutLetters.map(({ letter }) => letter)).toEqual(['N', 'P', 'T', 'F', 'B']);
    expect(new Set(shortcutLetters.map(({ action }) => action)).size).toBe(5);
  });
});
