import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { GalleryQuery } from '@genonaut/contracts';
import { EmptyState, ErrorState } from '@/components/state-message';
import { useGalleryInfinite } from '@/api/get-gallery';
import type { GalleryView, ThumbSize } from '../hooks/use-gallery-params';
import { GalleryItems, GallerySkeleton } from './gallery-results';

/** The scroll mode: the next page loads when the end of the list comes into view (or on the button). */
export function InfiniteResults({
  query,
  view,
  size,
}: {
  query: Omit<GalleryQuery, 'page' | 'cursor'>;
  view: GalleryView;
  size: ThumbSize;
}) {
  const result = useGalleryInfinite(query);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = result;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (result.isPending) return <GallerySkeleton view={view} size={size} />;
  // A failed next page keeps the pages already shown (the query is in error but still has data).
  if (!result.data)
    return <ErrorState error={result.error} onRetry={() => void result.refetch()} testId="gallery-error" />;
  const items = result.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title="No images match" testId="gallery-empty" />;
  return (
    <>
      <GalleryItems items={items} view={view} size={size} />
      {result.isFetchNextPageError && (
        <ErrorState error={result.error} onRetry={() => void fetchNextPage()} />
      )}
      <Box
        ref={sentinel}
        sx={{ display: 'flex', justifyContent: 'center', py: 2 }}
        data-testid="infinite-sentinel"
      >
        {hasNextPage ? (
          <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="load-more">
            Load more
          </Button>
        ) : (
          <span>That is everything.</span>
        )}
      </Box>
    </>
  );
}
