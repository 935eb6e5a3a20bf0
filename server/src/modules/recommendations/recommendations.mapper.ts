// Scored candidates → stored rows with their reasons, and stored rows → the contract shape.
import type {
  Recommendation,
  RecommendationAlgorithm,
  RecommendationFeedback,
  RecommendationReason,
} from '@genonaut/contracts';
import { toContentSummary } from '../content/content.mapper';
import type { CandidateRow } from './recommender.repository';
import type { NewRecommendation, RecommendationRow } from './recommendations.repository';

type TagNames = Map<string, { slug: string; name: string }>;

/**
 * The reasons of one candidate, strongest part first: the profile tags it matches, the liked item whose
 * fans led to it, and that it is popular when popularity weighed most. The algorithm is the part that
 * contributed most.
 */
export function toNewRecommendation(
  row: CandidateRow,
  tags: TagNames,
  titles: Map<number, string>,
): NewRecommendation {
  const parts: { algorithm: RecommendationAlgorithm; value: number; reason: RecommendationReason | null }[] =
    [];
  const matched = (row.tag_ids ?? []).flatMap((id) => {
    const tag = tags.get(id);
    return tag ? [tag] : [];
  });
  parts.push({
    algorithm: 'tag-profile',
    value: row.tag_part,
    reason: row.tag_part > 0 && matched.length > 0 ? { kind: 'tags', tags: matched } : null,
  });
  const seedTitle = row.seed_id === null ? undefined : titles.get(row.seed_id);
  parts.push({
    algorithm: 'co-occurrence',
    value: row.co_part,
    reason:
      row.co_part > 0 && row.seed_id !== null && seedTitle !== undefined
        ? { kind: 'similar', contentId: row.seed_id, title: seedTitle }
        : null,
  });
  parts.sort((a, b) => b.value - a.value);
  const reasons = parts.flatMap((p) => (p.reason ? [p.reason] : []));
  const best = parts[0];
  const personal = best !== undefined && best.value > 0 && best.value >= row.pop_part;
  return {
    content_id: row.content_id,
    score: row.score,
    algorithm: personal ? best.algorithm : 'popular',
    reasons: personal ? reasons : [{ kind: 'popular' }, ...reasons],
  };
}

const ALGORITHMS = new Set<string>(['tag-profile', 'co-occurrence', 'popular']);

/** Stored reasons are our own JSON; anything unexpected (an older shape) is left out, never served. */
function parseReasons(stored: unknown): RecommendationReason[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((value: unknown): RecommendationReason[] => {
    if (typeof value !== 'object' || value === null) return [];
    const r = value as Record<string, unknown>;
    if (r.kind === 'popular') return [{ kind: 'popular' }];
    if (r.kind === 'similar' && typeof r.contentId === 'number' && typeof r.title === 'string')
      return [{ kind: 'similar', contentId: r.contentId, title: r.title }];
    if (r.kind === 'tags' && Array.isArray(r.tags)) {
      const tags = (r.tags as unknown[]).flatMap((t) => {
        const tag = t as { slug?: unknown; name?: unknown } | null;
        return typeof tag?.slug === 'string' && typeof tag.name === 'string'
          ? [{ slug: tag.slug, name: tag.name }]
          : [];
      });
      return tags.length > 0 ? [{ kind: 'tags', tags }] : [];
    }
    return [];
  });
}

export function toRecommendation(row: RecommendationRow): Recommendation {
  return {
    contentId: row.id,
    score: Math.round(row.score * 10_000) / 10_000,
    algorithm: ALGORITHMS.has(row.algorithm) ? (row.algorithm as RecommendationAlgorithm) : 'popular',
    reasons: parseReasons(row.reasons),
    recommendedAt: row.recommended_at.toISOString(),
    servedAt: row.served_at?.toISOString() ?? null,
    clickedAt: row.clicked_at?.toISOString() ?? null,
    content: toContentSummary(row, true),
  };
}

export function toFeedback(row: {
  content_id: number;
  served_at: Date | null;
  clicked_at: Date | null;
  dismissed_at: Date | null;
}): RecommendationFeedback {
  return {
    contentId: row.content_id,
    servedAt: row.served_at?.toISOString() ?? null,
    clickedAt: row.clicked_at?.toISOString() ?? null,
    dismissedAt: row.dismissed_at?.toISOString() ?? null,
  };
}
