import { describe, expect, it } from 'vitest';
import { createTypingSignal } from './typing-signal.ts';

function aFakeClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let lastHandle = 0;
  return {
    now: () => now,
    setTimer: (callback: () => void, ms: number) => {
      lastHandle += 1;
      timers.push({ at: now + ms, callback, handle: lastHandle });
      return lastHandle;
    },
    clearTimer: (handle: unknown) => {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.callback();
    },
  };
}

describe('typing signal', () => {
  it('says "typing" once per interval while she types and "stopped" after a pause', () => {
    const clock = aFakeClock();
    const sent: boolean[] = [];
    const signal = createTypingSignal({
      emit: (typing) => sent.push(typing),
      ...clock,
      repeatMs: 3000,
      idleMs: 4000,
    });
    signal.input(true);
    clock.advance(1000);
    signal.input(true);
    clock.advance(1000);
    signal.input(true);
    expect(sent).toEqual([true]);
    clock.advance(1500);
    signal.input(true);
    expect(sent).toEqual([true, true]);
    clock.advance(4000);
    expect(sent).toEqual([true, true, false]);
  });

  it('stops at once when the box is emptied or the message is sent, and only once', () => {
    const clock = aFakeClock();
    const sent: boolean[] = [];
    const signal = createTypingSignal({ emit: (typing) => sent.push(typing), ...clock });
    signal.input(true);
    signal.input(false);
    signal.stop();
    clock.advance(10_000);
    expect(sent).toEqual([true, false]);
  });
});
