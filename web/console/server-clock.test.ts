import { afterEach, describe, expect, it } from 'vitest';
import { noteServerTime, onServerClockChange, serverNow } from './server-clock.ts';

describe('the server clock', () => {
  afterEach(() => noteServerTime(new Date().toISOString()));

  it('counts on the server time seen last, whatever the browser clock says', () => {
    const received = Date.now();
    noteServerTime(new Date(received - 24 * 3_600_000).toISOString(), received);
    expect(Math.round((Date.now() - serverNow()) / 60_000)).toBe(24 * 60);
  });

  it('ignores a time it cannot read', () => {
    const received = Date.now();
    noteServerTime(new Date(received + 60_000).toISOString(), received);
    noteServerTime('not a time');
    expect(Math.round((serverNow() - Date.now()) / 1_000)).toBe(60);
  });
});

describe('hearing the server clock move', () => {
  it('tells its listeners when the offset moves, not for the network’s delay', () => {
    const received = Date.now();
    let heard = 0;
    const stop = onServerClockChange(() => {
      heard += 1;
    });
    noteServerTime(new Date(received - 3_600_000).toISOString(), received);
    noteServerTime(new Date(received - 3_600_000 + 200).toISOString(), received);
    stop();
    noteServerTime(new Date(received).toISOString(), received);
    expect(heard).toBe(1);
  });
});
