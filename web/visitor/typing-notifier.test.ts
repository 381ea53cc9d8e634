import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingNotifier } from './typing-notifier.ts';

describe('typing notifier', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says true at most every 2 s while she types, then false after 3 s idle', () => {
    const said: boolean[] = [];
    const typing = createTypingNotifier((value) => said.push(value));
    typing.input();
    vi.advanceTimersByTime(500);
    typing.input();
    vi.advanceTimersByTime(1000);
    typing.input();
    expect(said).toEqual([true]);
    vi.advanceTimersByTime(600);
    typing.input();
    expect(said).toEqual([true, true]);
    vi.advanceTimersByTime(2999);
    expect(said).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual([true, true, false]);
  });

  it('says false at once when the message is sent, and nothing when it had said nothing', () => {
    const said: boolean[] = [];
    const typing = createTypingNotifier((value) => said.push(value));
    typing.stop();
    expect(said).toEqual([]);
    typing.input();
    typing.stop();
    vi.advanceTimersByTime(5000);
    expect(said).toEqual([true, false]);
  });
});
