import { describe, expect, it } from 'vitest';
import { bucketOf, histogramPercentile, hourOf, MINUTE_BUCKETS } from './statistics.ts';

describe('the statistics vocabulary', () => {
  it('puts a duration in its bucket, the bounds in the bucket above', () => {
    expect([0, 0.99, 1, 4.9, 5, 89, 90, 500].map(bucketOf)).toEqual([0, 0, 1, 2, 3, 9, 10, 10]);
    expect(bucketOf(90)).toBe(MINUTE_BUCKETS.length);
  });

  it('reads percentiles off a histogram, and says the open bucket by its floor', () => {
    const counts = Array.from({ length: MINUTE_BUCKETS.length + 1 }, () => 0);
    expect(histogramPercentile(counts, 0.5)).toBeNull();
    counts[10] = 4;
    expect(histogramPercentile(counts, 0.5)).toBe(90);
    expect(histogramPercentile(counts, 0.99)).toBe(90);
    counts[0] = 4;
    expect(histogramPercentile(counts, 0.25)).toBe(0.5);
  });

  it('takes the hour an instant falls in', () => {
    expect(hourOf(new Date('2026-12-02T13:59:59.999Z')).toISOString()).toBe('2026-12-02T13:00:00.000Z');
  });
});
