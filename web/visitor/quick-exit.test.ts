import { describe, expect, it } from 'vitest';
import { createShiftCounter, exitAddress, NEUTRAL_PAGE } from './quick-exit.ts';

function aKeyboard() {
  let clock = 0;
  let exits = 0;
  const onKey = createShiftCounter(
    () => exits++,
    () => clock,
  );
  return {
    press(key: string, at: number, repeat = false) {
      clock = at;
      onKey({ key, repeat });
    },
    exits: () => exits,
  };
}

describe('quick exit shortcut', () => {
  it('fires on three Shift presses in quick succession', () => {
    const keys = aKeyboard();
    keys.press('Shift', 0);
    keys.press('Shift', 400);
    keys.press('Shift', 800);
    expect(keys.exits()).toBe(1);
  });

  it('ignores Shift used for capitals, held keys and slow presses', () => {
    const keys = aKeyboard();
    keys.press('Shift', 0);
    keys.press('H', 100);
    keys.press('Shift', 200);
    keys.press('Shift', 300, true);
    keys.press('Shift', 400);
    expect(keys.exits()).toBe(0);
    keys.press('Shift', 5000);
    keys.press('Shift', 6000);
    keys.press('Shift', 7500);
    expect(keys.exits()).toBe(0);
  });
});

describe('quick exit address', () => {
  it('uses the association’s https address, and the built-in neutral page until it is known', () => {
    expect(exitAddress('https://neutral.example/weather')).toBe('https://neutral.example/weather');
    expect(exitAddress(null)).toBe(NEUTRAL_PAGE);
    expect(exitAddress('')).toBe(NEUTRAL_PAGE);
    expect(exitAddress('javascript:alert(1)')).toBe(NEUTRAL_PAGE);
    expect(exitAddress('http://neutral.example/')).toBe(NEUTRAL_PAGE);
  });
});
