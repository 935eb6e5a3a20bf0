import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { geometricGap, INCLUSION_CAP, skewedIndex, tagInclusion } from './bulk-distributions';
import { bulkTags } from './bulk-tags';
import { tagHierarchy } from '../vocabulary/tag-hierarchy';

describe('tagInclusion', () => {
  const p = tagInclusion(1_000, 22);

  it('averages the requested number of tags per item', () => {
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(22, 3);
  });

  it('is Zipf-like: never rising with rank, capped at the head, very rare in the tail', () => {
    for (let r = 1; r < p.length; r++) expect(p[r]).toBeLessThanOrEqual(p[r - 1] ?? 1);
    expect(p[0]).toBe(INCLUSION_CAP);
    // Hundreds of tags on at most 0.01 % of items, and some between 1 % and the cap.
    expect(p.filter((x) => x <= 1e-4).length).toBeGreaterThan(150);
    expect(p.filter((x) => x > 0.01 && x < INCLUSION_CAP).length).toBeGreaterThan(20);
  });
});

describe('geometricGap', () => {
  it('picks items with the given probability', () => {
    const rng = createRng(7);
    for (const prob of [0.5, 0.05, 0.001]) {
      let picks = 0;
      for (let at = geometricGap(rng, prob); at <= 1_000_000; at += geometricGap(rng, prob)) picks += 1;
      expect(picks / 1_000_000).toBeGreaterThan(prob * 0.9);
      expect(picks / 1_000_000).toBeLessThan(prob * 1.1);
    }
  });
});

describe('skewedIndex', () => {
  it('stays in range and favours low indexes', () => {
    const rng = createRng(3);
    const hits = new Array<number>(1_000).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const k = skewedIndex(rng, 1_000);
      hits[k] = (hits[k] ?? 0) + 1;
    }
    expect(hits.every((h) => h >= 0)).toBe(true);
    const top10 = hits.slice(0, 10).reduce((a, b) => a + b, 0);
    const last100 = hits.slice(900).reduce((a, b) => a + b, 0);
    expect(top10).toBeGreaterThan(last100 * 2);
  });
});

describe('bulkTags', () => {
  it('keeps the curated tags first and places each generated tag under a curated one', () => {
    const tags = bulkTags(781, 1);
    expect(tags).toHaveLength(tagHierarchy.length + 781);
    expect(new Set(tags.map((t) => t.slug)).size).toBe(tags.length);
    const curated = new Set(tagHierarchy.map((t) => t.slug));
    expect(tags.slice(0, curated.size).every((t) => curated.has(t.slug))).toBe(true);
    for (const t of tags.filter((x) => x.generated)) expect(curated.has(t.parents[0] ?? '')).toBe(true);
  });

  it('is the same for the same seed', () => {
    expect(bulkTags(100, 5)).toEqual(bulkTags(100, 5));
  });
});
