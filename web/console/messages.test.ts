import { describe, expect, it } from 'vitest';
import { auditActions } from '../../src/protocol/audit.ts';
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

describe('audit log', () => {
  it('has words for every action the audit log records', () => {
    const missing = auditActions.filter((action) => !Object.hasOwn(catalogues.fr, `audit.action.${action}`));
    expect(missing).toEqual([]);
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
