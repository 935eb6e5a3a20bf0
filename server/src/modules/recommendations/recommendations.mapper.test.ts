import { describe, expect, it } from 'vitest';
import { toNewRecommendation } from './recommendations.mapper';
import type { CandidateRow } from './recommender.repository';

const row = (over: Partial<CandidateRow>): CandidateRow => ({
  content_id: 7,
  title: 'Harbour at dawn',
  score: 0,
  tag_part: 0,
  co_part: 0,
  pop_part: 0,
  tag_ids: null,
  seed_id: null,
  ...over,
});
const tags = new Map([
  ['t1', { slug: 'watercolor', name: 'Watercolor' }],
  ['t2', { slug: 'portrait', name: 'Portrait' }],
]);
const titles = new Map([[3, 'Misty lake']]);

describe('toNewRecommendation', () => {
  it('names the matched tags when the tag profile weighs most', () => {
    const rec = toNewRecommendation(
      row({ score: 0.7, tag_part: 0.5, co_part: 0.1, pop_part: 0.1, tag_ids: ['t1', 't2'], seed_id: 3 }),
      tags,
      titles,
    );
    expect(rec.algorithm).toBe('tag-profile');
    expect(rec.reasons).toEqual([
      { kind: 'tags', tags: [tags.get('t1'), tags.get('t2')] },
      { kind: 'similar', contentId: 3, title: 'Misty lake' },
    ]);
  });

  it('puts the liked item first when co-occurrence weighs most', () => {
    const rec = toNewRecommendation(
      row({ tag_part: 0.1, co_part: 0.3, tag_ids: ['t2'], seed_id: 3 }),
      tags,
      titles,
    );
    expect(rec.algorithm).toBe('co-occurrence');
    expect(rec.reasons[0]).toEqual({ kind: 'similar', contentId: 3, title: 'Misty lake' });
  });

  it('calls an item popular when nothing personal outweighs its popularity', () => {
    expect(toNewRecommendation(row({ pop_part: 0.1 }), tags, titles)).toMatchObject({
      algorithm: 'popular',
      reasons: [{ kind: 'popular' }],
    });
    const disliked = toNewRecommendation(row({ tag_part: -0.2, pop_part: 0.3, tag_ids: null }), tags, titles);
    expect(disliked.reasons).toEqual([{ kind: 'popular' }]);
  });

  it('leaves out tags and items it cannot name', () => {
    const rec = toNewRecommendation(
      row({ tag_part: 0.4, tag_ids: ['gone'], co_part: 0.2, seed_id: 99 }),
      tags,
      titles,
    );
    expect(rec.algorithm).toBe('tag-profile');
    expect(rec.reasons).toEqual([]);
  });
});
