import type { TagDetail, TagRatingResponse } from '@genonaut/contracts';

/** The caller's own stars changed at once; the average waits for the API's answer. */
export function withOwnRating(tag: TagDetail, rating: number | null): TagDetail {
  return { ...tag, viewer: { isFavorite: tag.viewer?.isFavorite ?? false, rating } };
}

/** The API's answer folded in: the average and count come from it, since only it knows the other raters. */
export function withRatingAnswer(tag: TagDetail, answer: TagRatingResponse): TagDetail {
  return {
    ...withOwnRating(tag, answer.rating),
    ratingAvg: answer.ratingAvg,
    ratingCount: answer.ratingCount,
  };
}

export function withFavorite(tag: TagDetail, isFavorite: boolean): TagDetail {
  return { ...tag, viewer: { rating: tag.viewer?.rating ?? null, isFavorite } };
}
