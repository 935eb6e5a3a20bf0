import { describe, expect, it } from 'vitest';
import { bucketOf, histogramPercentile, mergeHistogram, toHistogram } from './duration-histogram';

describe('duration histogram', () => {
  it('puts a duration in the first bucket whose upper bound holds it', () => {
    expect(bucketOf(0.4)).toBe('1');
    expect(bucketOf(1)).toBe('1');
    expect(bucketOf(4)).toBe('5');
    expect(bucketOf(45_000)).toBe('inf');
  });

  it('interpolates percentiles inside the bucket between its neighbouring bounds', () => {
    const h: Record<string, number> = {};
    for (let ms = 301; ms <= 500; ms += 2) h[bucketOf(ms)] = (h[bucketOf(ms)] ?? 0) + 1;
    expect(histogramPercentile(h, 50)).toBe(400);
    expect(histogramPercentile(h, 100)).toBe(500);
    expect(histogramPercentile({}, 50)).toBeNull();
    expect(histogramPercentile({ inf: 3 }, 99)).toBe(30_000);
  });

  it('gives the same percentiles whether merged in pieces or counted at once', () => {
    const whole = { '10': 4, '100': 4, '1000': 2 };
    const pieces = mergeHistogram(mergeHistogram({}, { '10': 3, '100': 1 }), {
      '10': 1,
      '100': 3,
      '1000': 2,
    });
    expect(pieces).toEqual(whole);
    expect(histogramPercentile(pieces, 95)).toBe(histogramPercentile(whole, 95));
  });

  it('keeps only positive integer counts of known buckets from stored JSON', () => {
    expect(toHistogram({ '10': 2, bogus: 1, '20': -1, '30': 1.5, inf: 1 })).toEqual({ '10': 2, inf: 1 });
    expect(toHistogram(null)).toEqual({});
    expect(toHistogram([1, 2])).toEqual({});
  });
});
