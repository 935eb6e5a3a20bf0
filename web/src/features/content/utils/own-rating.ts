import type { ContentDetail, RatingResponse } from '@genonaut/contracts';

/** The caller's own stars changed at once; the average waits for the API's answer. */
export function withOwnRating(item: ContentDetail, rating: number | null): ContentDetail {
  return { ...item, viewer: { bookmarkId: item.viewer?.bookmarkId ?? null, rating } };
}

/** The API's answer folded in: the average and count come from it, since only it knows the other raters. */
export function withRatingAnswer(item: ContentDetail, answer: RatingResponse): ContentDetail {
  return {
    ...withOwnRating(item, answer.rating),
    ratingAvg: answer.ratingAvg,
    ratingCount: answer.ratingCount,
  };
}
