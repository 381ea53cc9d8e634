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
