import { describe, expect, it } from 'vitest';
import { placeholders } from '../ui/i18n.ts';
import { catalogues, type MessageKey } from './messages.ts';
import { minutesSince } from './time.ts';

describe('console catalogues', () => {
  it('ask for the same placeholders in French and English', () => {
    for (const key of Object.keys(catalogues.fr) as MessageKey[]) {
      expect([key, placeholders(catalogues.en[key])]).toEqual([key, placeholders(catalogues.fr[key])]);
    }
  });
});

describe('minutes since', () => {
  it('counts whole minutes and never goes below zero', () => {
    const start = Date.parse('2026-03-02T14:00:00.000Z');
    expect(minutesSince('2026-03-02T14:00:00.000Z', start + 59_000)).toBe(0);
    expect(minutesSince('2026-03-02T14:00:00.000Z', start + 5 * 60_000 + 1)).toBe(5);
    expect(minutesSince('2026-03-02T14:00:00.000Z', start - 30_000)).toBe(0);
  });
});
