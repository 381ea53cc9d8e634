import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Capacity,
  DEFAULT_HANDLE_MINUTES,
  estimateWaitMinutes,
  handleMinutes,
  MIN_HANDLE_SAMPLE,
  orderQueue,
  type QueueEntry,
  queuePositions,
  waitRunsPastClosing,
} from './queue.ts';

function anEntry(overrides: Partial<QueueEntry> = {}): QueueEntry {
  return {
    conversationId: 'c-1',
    waitingSince: new Date('2026-03-23T14:00:00.000Z'),
    urgent: false,
    ...overrides,
  };
}

function aCapacity(overrides: Partial<Capacity> = {}): Capacity {
  return {
    availableCounselors: 2,
    totalSlots: 4,
    freeSlots: 0,
    averageHandleMinutes: DEFAULT_HANDLE_MINUTES,
    ...overrides,
  };
}

const minute = (n: number) => new Date(Date.UTC(2026, 2, 23, 14, n));

const entryArbitrary = fc.record({
  conversationId: fc.string({ minLength: 1, maxLength: 6 }),
  waitingSince: fc.integer({ min: 0, max: 20 }).map(minute),
  urgent: fc.boolean(),
});
const queueArbitrary = fc.uniqueArray(entryArbitrary, {
  selector: (entry) => entry.conversationId,
  maxLength: 30,
});

describe('orderQueue', () => {
  it('puts urgent conversations first, then the longest waiting, then by id', () => {
    const entries = [
      anEntry({ conversationId: 'late', waitingSince: minute(9) }),
      anEntry({ conversationId: 'urgent-late', waitingSince: minute(8), urgent: true }),
      anEntry({ conversationId: 'b-early', waitingSince: minute(1) }),
      anEntry({ conversationId: 'urgent-early', waitingSince: minute(5), urgent: true }),
      anEntry({ conversationId: 'a-early', waitingSince: minute(1) }),
    ];
    expect(orderQueue(entries).map((entry) => entry.conversationId)).toEqual([
      'urgent-early',
      'urgent-late',
      'a-early',
      'b-early',
      'late',
    ]);
  });

  it('does not mutate its input', () => {
    const entries = [anEntry({ conversationId: 'b' }), anEntry({ conversationId: 'a' })];
    const copy = [...entries];
    orderQueue(entries);
    expect(entries).toEqual(copy);
    expect(entries.map((entry) => entry.conversationId)).toEqual(['b', 'a']);
  });

  it('is a permutation of its input', () => {
    fc.assert(
      fc.property(queueArbitrary, (entries) => {
        const ordered = orderQueue(entries);
        expect(ordered).toHaveLength(entries.length);
        expect(new Set(ordered)).toEqual(new Set(entries));
      }),
    );
  });

  it('puts every urgent entry before every non-urgent one, and keeps each group oldest first', () => {
    fc.assert(
      fc.property(queueArbitrary, (entries) => {
        const ordered = orderQueue(entries);
        const firstCalm = ordered.findIndex((entry) => !entry.urgent);
        if (firstCalm >= 0) expect(ordered.slice(firstCalm).every((entry) => !entry.urgent)).toBe(true);
        for (let i = 1; i < ordered.length; i++) {
          const [previous, current] = [ordered[i - 1], ordered[i]];
          if (previous && current && previous.urgent === current.urgent) {
            expect(previous.waitingSince.getTime()).toBeLessThanOrEqual(current.waitingSince.getTime());
          }
        }
      }),
    );
  });

  it('gives the same order whatever the input order', () => {
    fc.assert(
      fc.property(
        queueArbitrary.chain((entries) =>
          fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length })),
        ),
        ([entries, shuffled]) => {
          expect(orderQueue(shuffled)).toEqual(orderQueue(entries));
        },
      ),
    );
  });
});

describe('queuePositions', () => {
  it('gives each conversation its 1-based place', () => {
    const positions = queuePositions([
      anEntry({ conversationId: 'second', waitingSince: minute(2) }),
      anEntry({ conversationId: 'third', waitingSince: minute(3) }),
      anEntry({ conversationId: 'first', waitingSince: minute(7), urgent: true }),
    ]);
    expect([...positions]).toEqual([
      ['first', 1],
      ['second', 2],
      ['third', 3],
    ]);
  });

  it('is empty for an empty queue', () => {
    expect(queuePositions([]).size).toBe(0);
  });

  it('numbers the places 1..n, in queue order', () => {
    fc.assert(
      fc.property(queueArbitrary, (entries) => {
        const positions = queuePositions(entries);
        expect(positions.size).toBe(entries.length);
        expect([...positions.values()].sort((a, b) => a - b)).toEqual(entries.map((_, index) => index + 1));
        orderQueue(entries).forEach((entry, index) => {
          expect(positions.get(entry.conversationId)).toBe(index + 1);
        });
      }),
    );
  });
});

describe('estimateWaitMinutes', () => {
  it('is null when no counselor has a slot', () => {
    expect(estimateWaitMinutes(1, aCapacity({ availableCounselors: 0, totalSlots: 0, freeSlots: 0 }))).toBeNull();
  });

  it('is 0 while a free slot awaits the visitor', () => {
    const capacity = aCapacity({ freeSlots: 2 });
    expect(estimateWaitMinutes(1, capacity)).toBe(0);
    expect(estimateWaitMinutes(2, capacity)).toBe(0);
    expect(estimateWaitMinutes(3, capacity)).toBe(8);
  });

  it('counts the visitors who need a busy slot to free up, rounding up', () => {
    // 4 slots, one freeing every 30 / 4 = 7.5 minutes on average.
    expect(estimateWaitMinutes(1, aCapacity())).toBe(8);
    expect(estimateWaitMinutes(2, aCapacity())).toBe(15);
    expect(estimateWaitMinutes(5, aCapacity())).toBe(38);
    expect(estimateWaitMinutes(3, aCapacity({ totalSlots: 1, averageHandleMinutes: 20 }))).toBe(60);
    // 25 / 4 = 6.25 minutes: rounded up, never down.
    expect(estimateWaitMinutes(1, aCapacity({ averageHandleMinutes: 25 }))).toBe(7);
  });

  it('never decreases as the position grows, and is null whenever there is no slot', () => {
    const capacities = fc
      .record({
        availableCounselors: fc.integer({ min: 0, max: 10 }),
        totalSlots: fc.integer({ min: 0, max: 30 }),
        averageHandleMinutes: fc.integer({ min: 1, max: 120 }),
        freeRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ freeRatio, ...rest }) => ({ ...rest, freeSlots: Math.floor(freeRatio * rest.totalSlots) }));
    const position = fc.integer({ min: 1, max: 200 });
    fc.assert(
      fc.property(capacities, position, position, (capacity, a, b) => {
        const [nearer, further] = a <= b ? [a, b] : [b, a];
        const nearerWait = estimateWaitMinutes(nearer, capacity);
        const furtherWait = estimateWaitMinutes(further, capacity);
        if (capacity.totalSlots === 0) {
          expect(nearerWait).toBeNull();
          expect(furtherWait).toBeNull();
          return;
        }
        expect(nearerWait).not.toBeNull();
        expect(furtherWait).not.toBeNull();
        expect(furtherWait ?? -1).toBeGreaterThanOrEqual(nearerWait ?? Number.POSITIVE_INFINITY);
        expect(Number.isInteger(nearerWait)).toBe(true);
      }),
    );
  });
});

describe('waitRunsPastClosing', () => {
  const now = new Date('2026-12-02T16:30:00Z');
  const closesAt = new Date('2026-12-02T17:00:00Z');
  it('tells when the estimate ends after closing time', () => {
    expect(waitRunsPastClosing(31, now, closesAt)).toBe(true);
    expect(waitRunsPastClosing(30, now, closesAt)).toBe(false);
    expect(waitRunsPastClosing(0, now, closesAt)).toBe(false);
  });
  it('does not guess without an estimate or a closing time', () => {
    expect(waitRunsPastClosing(null, now, closesAt)).toBe(false);
    expect(waitRunsPastClosing(500, now, null)).toBe(false);
  });
});

describe('the length of a conversation to plan with', () => {
  it('is the 30-minute target until there are enough recent conversations', () => {
    expect(handleMinutes([])).toBe(DEFAULT_HANDLE_MINUTES);
    // Two test chats of a few seconds, the case seen from outside: "about 1 minute" for the first two.
    expect(handleMinutes([0.1, 0.2])).toBe(DEFAULT_HANDLE_MINUTES);
    expect(handleMinutes(Array(MIN_HANDLE_SAMPLE - 1).fill(5))).toBe(DEFAULT_HANDLE_MINUTES);
  });

  it('follows the median, not a few very short or very long conversations, pulled towards the target', () => {
    const usual = Array(40).fill(40);
    expect(handleMinutes([...usual, 0.1, 0.1, 0.1, 600])).toBeCloseTo((44 * 40 + 10 * 30) / 54, 5);
    expect(handleMinutes(Array(50).fill(20))).toBeCloseTo((50 * 20 + 10 * 30) / 60, 5);
  });

  it('always lies between the median and the target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 600, noNaN: true }), { minLength: MIN_HANDLE_SAMPLE, maxLength: 50 }),
        (lengths) => {
          const sorted = [...lengths].sort((a, b) => a - b);
          const below = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
          const above = sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0;
          const low = Math.min(below, DEFAULT_HANDLE_MINUTES);
          const high = Math.max(above, DEFAULT_HANDLE_MINUTES);
          const planned = handleMinutes(lengths);
          expect(planned).toBeGreaterThanOrEqual(low - 1e-9);
          expect(planned).toBeLessThanOrEqual(high + 1e-9);
        },
      ),
    );
  });
});
