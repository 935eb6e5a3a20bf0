// The shapes of the benchmark dataset (SPEC §12): Zipf-like tag popularity, so a few tags are on half
// of all items and hundreds are on fewer than 0.01 %, skewed creators, and rating draws. Pure functions
// of a seeded RNG, unit-tested for their shape.
import type { Rng } from '../../../lib/rng';

/** Zipf exponent and cap of the per-tag inclusion probability (see tagInclusion). */
export const ZIPF_EXPONENT = 2.5;
export const INCLUSION_CAP = 0.5;

/**
 * Probability that an item carries the tag of popularity rank r (1-based): min(cap, A · r^-s), with A
 * chosen so an item carries `meanTags` of these tags on average. With s = 2.5 and ~1 000 tags, about 25
 * tags sit at the cap (very common) and the last few hundred fall below 1 in 10 000 (very rare).
 */
export function tagInclusion(tagCount: number, meanTags: number, s = ZIPF_EXPONENT, cap = INCLUSION_CAP) {
  const total = (a: number) => {
    let sum = 0;
    for (let r = 1; r <= tagCount; r++) sum += Math.min(cap, a * r ** -s);
    return sum;
  };
  if (total(1e12) < meanTags) throw new Error(`${tagCount} tags cannot average ${meanTags} per item`);
  let lo = 0;
  let hi = 1e12;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < meanTags) lo = mid;
    else hi = mid;
  }
  return Array.from({ length: tagCount }, (_, i) => Math.min(cap, hi * (i + 1) ** -s));
}

/**
 * Gap to the next success of independent Bernoulli(p) trials (geometric, ≥ 1). Walking the items with
 * these gaps picks each item with probability p at a cost proportional to the picks, not to the items.
 */
export function geometricGap(rng: Rng, p: number): number {
  if (p >= 1) return 1;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  return 1 + Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
}

/** Index of a creator, Zipf-like over `users` (s = 1): a few prolific creators and a long tail. */
export function skewedIndex(rng: Rng, count: number): number {
  // Inverse of the continuous 1/x density on [1, count + 1).
  const i = Math.floor(Math.exp(rng() * Math.log(count + 1))) - 1;
  return Math.min(count - 1, Math.max(0, i));
}

/** A 1–5 star rating leaning positive, as real galleries show (mean ≈ 3.7). */
export function drawStars(rng: Rng): number {
  const r = rng();
  if (r < 0.05) return 1;
  if (r < 0.13) return 2;
  if (r < 0.3) return 3;
  if (r < 0.62) return 4;
  return 5;
}

/** Poisson-distributed count (Knuth's method; fine for the small means used here). */
export function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}
