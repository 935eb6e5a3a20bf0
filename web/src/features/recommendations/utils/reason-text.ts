import type { RecommendationReason } from '@genonaut/contracts';

/** One reason in words: "matches your tags: watercolor, portrait", "because you liked …", "popular now". */
export function reasonText(reason: RecommendationReason): string {
  switch (reason.kind) {
    case 'tags':
      return `matches your tags: ${reason.tags.map((t) => t.name).join(', ')}`;
    case 'similar':
      return `because you liked “${reason.title}”`;
    case 'popular':
      return 'popular right now';
  }
}
