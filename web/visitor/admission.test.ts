import { describe, expect, it } from 'vitest';
import { canStart, homeNotice, waitWords } from './admission.ts';

const status = (patch: { open?: boolean; paused?: boolean; full?: boolean; waitExceedsClosing?: boolean } = {}) => ({
  open: patch.open ?? true,
  admission: { paused: patch.paused ?? false, full: patch.full ?? false },
  waitExceedsClosing: patch.waitExceedsClosing ?? false,
});

describe('which notice the home screen shows', () => {
  it('none when she can simply start', () => {
    expect(homeNotice(status(), null)).toBeNull();
    expect(canStart(null)).toBe(true);
  });

  it('paused, then full, before the wait past closing', () => {
    expect(homeNotice(status({ paused: true, full: true, waitExceedsClosing: true }), null)).toBe('paused');
    expect(homeNotice(status({ full: true, waitExceedsClosing: true }), null)).toBe('full');
    expect(homeNotice(status({ waitExceedsClosing: true }), null)).toBe('past-closing');
  });

  it('believes her own refused attempt over a status that may be a minute old', () => {
    expect(homeNotice(status(), 'intake-paused')).toBe('paused');
    expect(homeNotice(status({ paused: true }), 'queue-full')).toBe('full');
  });

  it('leaves a closed chat to the status line', () => {
    expect(homeNotice(status({ open: false, paused: true }), null)).toBeNull();
    expect(homeNotice(status({ paused: true }), 'queue-closed')).toBeNull();
  });

  it('still lets her start when the wait runs past closing, never when paused or full', () => {
    expect(canStart('past-closing')).toBe(true);
    expect(canStart('paused')).toBe(false);
    expect(canStart('full')).toBe(false);
  });
});

describe('the wait in words', () => {
  it('from unknown to more than an hour', () => {
    expect(waitWords(null)).toEqual({ key: 'waiting.unknown' });
    expect(waitWords(0)).toEqual({ key: 'waiting.soon' });
    expect(waitWords(14.6)).toEqual({ key: 'waiting.estimate', minutes: 15 });
    expect(waitWords(60)).toEqual({ key: 'waiting.estimate', minutes: 60 });
    expect(waitWords(61)).toEqual({ key: 'waiting.long' });
  });
});
