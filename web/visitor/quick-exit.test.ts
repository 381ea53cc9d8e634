import { describe, expect, it } from 'vitest';
import { createShiftCounter } from './quick-exit.ts';

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
