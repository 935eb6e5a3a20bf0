import type { Tag, TagCounts, TagDetail, TagRef, TagViewerState } from '@genonaut/contracts';
import type { TagListRow, TagRefRow, TagRow } from './tags.repository';

export const toTagRef = (row: TagRefRow): TagRef => ({ id: row.id, slug: row.slug, name: row.name });

export function toTag(row: TagListRow): Tag {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    parentIds: row.parent_ids,
    contentCount: Number(row.content_count),
    ratingAvg: row.rating_avg === null ? null : Number(row.rating_avg),
    ratingCount: row.rating_count,
    createdAt: row.created_at.toISOString(),
  };
}

/** Statistics rows (one per source; absent until the tag is counted) plus the live visible count. */
export function toTagCounts(
  stats: { source: string; content_count: number; updated_at: Date }[],
  visible: { count: number; cap: number },
): TagCounts {
  const countOf = (source: string) => Number(stats.find((s) => s.source === source)?.content_count ?? 0);
  const updatedAt = stats.find((s) => s.source === 'all')?.updated_at ?? null;
  return {
    all: countOf('all'),
    regular: countOf('regular'),
    auto: countOf('auto'),
    updatedAt: updatedAt?.toISOString() ?? null,
    visible: Math.min(visible.count, visible.cap),
    visibleIsCapped: visible.count > visible.cap,
  };
}

/** Id paths (root first) → TagRef paths, ordered by their names so the answer is stable. */
export function toAncestorPaths(paths: string[][], refs: TagRefRow[]): TagRef[][] {
  const byId = new Map(refs.map((r) => [r.id, toTagRef(r)]));
  const resolved = paths.map((path) =>
    path.flatMap((id) => {
      const ref = byId.get(id);
      return ref ? [ref] : [];
    }),
  );
  const key = (path: TagRef[]) => path.map((r) => r.name.toLowerCase()).join('\u0000');
  return resolved.sort((a, b) => key(a).localeCompare(key(b)));
}

export function toTagDetail(
  row: TagRow,
  parts: {
    parents: TagRefRow[];
    children: TagRefRow[];
    ancestorPaths: TagRef[][];
    counts: TagCounts;
    rating: { rating_avg: number | null; rating_count: number };
    viewer?: { rating: number | null; is_favorite: boolean };
  },
): TagDetail {
  const detail: TagDetail = {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    parents: parts.parents.map(toTagRef),
    children: parts.children.map(toTagRef),
    ancestorPaths: parts.ancestorPaths,
    counts: parts.counts,
    ratingAvg: parts.rating.rating_avg === null ? null : Number(parts.rating.rating_avg),
    ratingCount: parts.rating.rating_count,
  };
  if (!parts.viewer) return detail;
  const viewer: TagViewerState = {
    rating: parts.viewer.rating === null ? null : Number(parts.viewer.rating),
    isFavorite: parts.viewer.is_favorite,
  };
  return { ...detail, viewer };
}
