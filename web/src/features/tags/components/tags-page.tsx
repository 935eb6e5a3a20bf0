import { useCallback, useMemo, useState } from 'react';
import type { Tag } from '@genonaut/contracts';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { useTagHierarchy } from '../api/get-tag-hierarchy';
import { useTagsParams } from '../hooks/use-tags-params';
import { ancestorPaths, buildTagGraph, treePathsAlong } from '../utils/tag-graph';
import { TagSearchBox } from './tag-search-box';
import { TagSearchResults } from './tag-search-results';
import { TagTree } from './tag-tree';
import { TagsSelectionBar } from './tags-selection-bar';

function TreeSkeleton() {
  return (
    <Stack spacing={1} role="status" aria-label="Loading tags" data-testid="tags-loading">
      {[60, 45, 70, 50, 65].map((width, index) => (
        <Skeleton key={index} variant="text" width={`${width}%`} height={32} />
      ))}
    </Stack>
  );
}

/** Browse the tag hierarchy or search it, tick tags and open their images in the gallery. */
export function TagsPage() {
  const { state, update } = useTagsParams();
  const hierarchy = useTagHierarchy();
  const graph = useMemo(() => hierarchy.data && buildTagGraph(hierarchy.data), [hierarchy.data]);
  const searching = state.q.trim().length > 0;
  // Stable, so the search box's pending debounce survives unrelated re-renders.
  const onSearch = useCallback((q: string) => update({ q }), [update]);

  // An object, so revealing the same row twice still focuses it again.
  const [revealed, setRevealed] = useState<{ path: string }>();

  /** Leaves the search for the tree, opened down to the tag's first route, with its row focused. */
  const reveal = (tag: Tag) => {
    const route = graph ? ancestorPaths(graph, tag.id, 1)[0] : undefined;
    const steps = treePathsAlong(route ?? [], tag.slug);
    update({ q: '', open: [...new Set([...state.open, ...steps.slice(0, -1)])] });
    const path = steps.at(-1);
    if (path) setRevealed({ path });
  };

  const toggle = (slug: string, on: boolean) =>
    update({
      tags: on
        ? [...state.tags.filter((tag) => tag !== slug), slug]
        : state.tags.filter((tag) => tag !== slug),
    });

  const tree = hierarchy.isPending ? (
    <TreeSkeleton />
  ) : hierarchy.isError ? (
    <ErrorState error={hierarchy.error} onRetry={() => void hierarchy.refetch()} testId="tags-error" />
  ) : !graph || graph.roots.length === 0 ? (
    <EmptyState title="No tags yet" testId="tags-empty">
      <Typography color="text.secondary">Tags appear here once an administrator adds them.</Typography>
    </EmptyState>
  ) : (
    <TagTree
      graph={graph}
      focusPath={revealed}
      open={state.open}
      selected={state.tags}
      onOpenChange={(open) => update({ open })}
      onSelectionChange={({ added, removed }) =>
        update({
          tags: [
            ...state.tags.filter((tag) => !removed.includes(tag) || added.includes(tag)),
            ...added.filter((tag) => !state.tags.includes(tag)),
          ],
        })
      }
    />
  );

  return (
    <Stack spacing={2} data-testid="tags-page">
      <Stack spacing={0.5}>
        <Typography variant="h1">Tags</Typography>
        <Typography color="text.secondary">
          A tag can sit under several parents; tick tags to see their images together in the gallery.
        </Typography>
      </Stack>
      <TagSearchBox value={state.q} onChange={onSearch} />
      {searching ? (
        <TagSearchResults
          q={state.q}
          page={state.page}
          graph={graph}
          selected={state.tags}
          onToggle={toggle}
          onPage={(page) => update({ page })}
          onReveal={reveal}
        />
      ) : (
        tree
      )}
      {state.tags.length > 0 && <TagsSelectionBar value={state} graph={graph} onChange={update} />}
    </Stack>
  );
}
