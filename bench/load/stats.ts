// Small statistics for the benchmark's figures: rounding, percentiles, counts by key, ratios, and a timeline
// of the worst value per slice of time.

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function quantiles(values: number[]) {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? 0) };
}

export const ratio = (a: number | null, b: number | null) =>
  a !== null && b !== null && b > 0 ? round(a / b, 2) : null;

export class Counts {
  readonly map = new Map<string, number>();
  add(key: string, n = 1) {
    this.map.set(key, (this.map.get(key) ?? 0) + n);
  }
  toJSON() {
    return Object.fromEntries(this.map);
  }
  total() {
    let sum = 0;
    for (const n of this.map.values()) sum += n;
    return sum;
  }
}

/** The largest value recorded in each slice of `sliceMs` from a start; nothing is recorded before the start. */
export class WorstPerSlice {
  readonly sliceMs: number;
  private readonly worst: number[] = [];
  private start = Number.POSITIVE_INFINITY;

  constructor(sliceMs: number) {
    this.sliceMs = sliceMs;
  }

  startAt(at: number) {
    this.start = at;
  }

  record(at: number, value: number) {
    const slice = Math.floor((at - this.start) / this.sliceMs);
    if (slice >= 0) this.worst[slice] = Math.max(this.worst[slice] ?? 0, value);
  }

  /** One value per slice, rounded to whole units; 0 for a slice with nothing recorded. */
  timeline(): number[] {
    return Array.from(this.worst, (value) => round(value ?? 0, 0));
  }
}

/**
 * Whether memory still grows at the end of a run: the least-squares slope of the last half of the samples (one
 * every `everyS` seconds), in MiB per minute, and the means of the first and last thirds. A plateau has a slope
 * near zero in its last half, whatever the warm-up did before.
 */
export function rssTrend(samplesMiB: number[], everyS: number) {
  if (samplesMiB.length < 6) return null;
  const half = samplesMiB.slice(Math.floor(samplesMiB.length / 2));
  const n = half.length;
  const meanX = (n - 1) / 2;
  const meanY = half.reduce((sum, y) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  half.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const third = Math.floor(samplesMiB.length / 3);
  const mean = (values: number[]) => round(values.reduce((sum, y) => sum + y, 0) / values.length);
  return {
    lastHalfSlopeMiBPerMin: round((num / den) * (60 / everyS), 2),
    firstThirdMeanMiB: mean(samplesMiB.slice(0, third)),
    lastThirdMeanMiB: mean(samplesMiB.slice(-third)),
  };
}
