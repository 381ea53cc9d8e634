import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CounselorLoad, chooseCounselor } from './auto-assign.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const load = (id: string, active: number, lastMinute: number | null, limit = 2): CounselorLoad => ({
  id,
  active,
  limit,
  lastAssignedAt: lastMinute === null ? null : at(lastMinute),
});

describe('choosing a counselor', () => {
  it('gives the visitor to the least loaded counselor', () => {
    expect(chooseCounselor([load('a', 1, 0), load('b', 0, 5), load('c', 1, null)])?.id).toBe('b');
  });

  it('between equals, chooses the one whose last assignment is oldest, never assigned first', () => {
    expect(chooseCounselor([load('a', 1, 10), load('b', 1, 3), load('c', 1, 7)])?.id).toBe('b');
    expect(chooseCounselor([load('a', 0, 10), load('b', 0, null)])?.id).toBe('b');
  });

  it('never chooses someone at her limit, and nobody when all are', () => {
    expect(chooseCounselor([load('a', 2, 0), load('b', 1, 50)])?.id).toBe('b');
    expect(chooseCounselor([load('a', 2, 0), load('b', 3, 0, 3)])).toBeNull();
    expect(chooseCounselor([])).toBeNull();
  });

  const loads = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      active: fc.integer({ min: 0, max: 6 }),
      limit: fc.integer({ min: 1, max: 5 }),
      lastAssignedAt: fc.option(fc.integer({ min: 0, max: 59 }).map(at), { nil: null }),
    }),
    { selector: (candidate) => candidate.id, maxLength: 8 },
  );

  it('never goes above a limit, and always picks a least loaded counselor below hers', () => {
    fc.assert(
      fc.property(loads, (candidates) => {
        const chosen = chooseCounselor(candidates);
        const eligible = candidates.filter((candidate) => candidate.active < candidate.limit);
        if (eligible.length === 0) {
          expect(chosen).toBeNull();
          return;
        }
        expect(chosen).not.toBeNull();
        expect(chosen?.active).toBeLessThan(chosen?.limit ?? 0);
        expect(chosen?.active).toBe(Math.min(...eligible.map((candidate) => candidate.active)));
      }),
    );
  });

  it('spreads a stream of visitors evenly over a team starting free, never past the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 40 }),
        (size, limit, visitors) => {
          const team = Array.from({ length: size }, (_, index) => load(`c${index}`, 0, null, limit));
          let assigned = 0;
          for (let visitor = 0; visitor < visitors; visitor += 1) {
            const chosen = chooseCounselor(team);
            if (!chosen) break;
            chosen.active += 1;
            chosen.lastAssignedAt = at(visitor % 60);
            assigned += 1;
          }
          const actives = team.map((counselor) => counselor.active);
          expect(assigned).toBe(Math.min(visitors, size * limit));
          expect(Math.max(...actives)).toBeLessThanOrEqual(limit);
          expect(Math.max(...actives) - Math.min(...actives)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
