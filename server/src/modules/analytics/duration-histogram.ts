// Request durations as a histogram of fixed buckets (upper bound in ms → count). Histograms merge by
// adding counts, so an hour applied in several rollup batches, or many hours summed for a ranking, give
// the same percentiles as one pass over every request would (to the resolution of the buckets).

/** Upper bounds in ms, about three per decade; `inf` takes everything slower than the last. */
export const BUCKET_BOUNDS = [
  1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000,
  10_000, 30_000,
] as const;
const INF = 'inf';

export type Histogram = Record<string, number>;

export function bucketOf(durationMs: number): string {
  for (const bound of BUCKET_BOUNDS) if (durationMs <= bound) return String(bound);
  return INF;
}

/** Adds `from` into `into` (mutating it) and returns it. */
export function mergeHistogram(into: Histogram, from: Histogram): Histogram {
  for (const [bucket, count] of Object.entries(from)) {
    if (!Number.isFinite(count) || count <= 0) continue;
    into[bucket] = (into[bucket] ?? 0) + count;
  }
  return into;
}

const upperOf = (bucket: string) => (bucket === INF ? Number.POSITIVE_INFINITY : Number(bucket));

/** The bound below a bucket: its neighbour in BUCKET_BOUNDS (0 for the first), not the last non-empty one. */
function lowerOf(upper: number): number {
  let lower = 0;
  for (const bound of BUCKET_BOUNDS) {
    if (bound >= upper) break;
    lower = bound;
  }
  return lower;
}

/**
 * The p-th percentile (0–100), interpolated linearly inside the bucket that holds its rank; the open
 * top bucket answers with its lower bound (30 s), the best a histogram can say. Null when empty.
 */
export function histogramPercentile(histogram: Histogram, p: number): number | null {
  const buckets = Object.entries(histogram)
    .map(([bucket, count]) => ({ upper: upperOf(bucket), count }))
    .filter((b) => !Number.isNaN(b.upper) && b.count > 0)
    .sort((a, b) => a.upper - b.upper);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rank = (p / 100) * total;
  let seen = 0;
  for (const bucket of buckets) {
    if (seen + bucket.count >= rank) {
      const lower = lowerOf(bucket.upper);
      if (bucket.upper === Number.POSITIVE_INFINITY) return lower;
      const share = (rank - seen) / bucket.count;
      return Math.round((lower + (bucket.upper - lower) * share) * 10) / 10;
    }
    seen += bucket.count;
  }
  return null;
}

/** Only finite, positive integer counts of known buckets survive (the column is jsonb, so be strict). */
export function toHistogram(value: unknown): Histogram {
  const out: Histogram = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [bucket, count] of Object.entries(value as Record<string, unknown>)) {
    const n = Number(count);
    if (Number.isInteger(n) && n > 0 && (bucket === INF || !Number.isNaN(Number(bucket)))) out[bucket] = n;
  }
  return out;
}
