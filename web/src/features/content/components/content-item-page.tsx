import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ContentDetail, CurrentUser } from '@genonaut/contracts';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-error';
import { isValidContentId, useContentItem } from '@/api/get-content-item';
import { useRecordView } from '../hooks/use-record-view';
import { ContentActions } from './content-actions';
import { ContentHeader, ContentTags } from './content-header';
import { ContentImage } from './content-image';
import { ContentRating } from './content-rating';
import { GenerationParams } from './generation-params';
import { PromptSection } from './prompt-section';
import { SimilarItems } from './similar-items';

/** Who is looking, as far as this page cares: the route passes it in (features do not share code). */
export type ContentViewer = Pick<CurrentUser, 'id' | 'role'>;

/** Image beside the details on wide screens, one column below `md` (down to 375 px). */
const columnsSx = {
  display: 'grid',
  gap: 3,
  gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
  alignItems: 'start',
};

function ContentItemSkeleton() {
  return (
    <Box sx={columnsSx} role="status" aria-label="Loading the image" data-testid="content-loading">
      <Skeleton variant="rounded" sx={{ aspectRatio: '1', height: 'auto' }} />
      <Stack spacing={1.5}>
        <Skeleton variant="text" sx={{ fontSize: '2rem' }} width="70%" />
        <Skeleton variant="text" width="50%" />
        <Skeleton variant="rounded" height={32} width="40%" />
        <Skeleton variant="rounded" height={120} />
        <Skeleton variant="rounded" height={200} />
      </Stack>
    </Box>
  );
}

/** Parts of the page other features provide; the route composes them (features do not share code). */
export interface ContentItemSlots {
  /** The bookmark button and category manager for this item. */
  bookmark?: (item: ContentDetail) => ReactNode;
}

function ContentItemView({
  item,
  viewer,
  slots,
}: {
  item: ContentDetail;
  viewer: ContentViewer | null;
  slots: ContentItemSlots;
}) {
  // The API decides in the end (403 on delete); this only hides a button that would be refused.
  const canDelete = viewer !== null && (viewer.id === item.creator.id || viewer.role === 'admin');
  return (
    <Stack spacing={4} data-testid="content-item-page" data-content-id={item.id}>
      <Box sx={columnsSx}>
        <ContentImage item={item} />
        <Stack spacing={2.5}>
          <ContentHeader item={item} />
          <ContentRating item={item} signedIn={viewer !== null} />
          <ContentActions
            item={item}
            signedIn={viewer !== null}
            canDelete={canDelete}
            bookmark={slots.bookmark?.(item)}
          />
          <ContentTags tags={item.tags} />
          <PromptSection prompt={item.prompt} negativePrompt={item.negativePrompt} />
          <GenerationParams item={item} />
        </Stack>
      </Box>
      <Divider />
      <SimilarItems id={item.id} />
    </Stack>
  );
}

/**
 * One item: the image (zoomable), what it is, your rating, its tags, prompt and settings, and the
 * images like it. `viewer` is null for anonymous visitors.
 */
export function ContentItemPage({
  id,
  viewer,
  slots = {},
}: {
  id: number;
  viewer: ContentViewer | null;
  slots?: ContentItemSlots;
}) {
  const item = useContentItem(id);
  useRecordView(id, item.isSuccess);
  useDocumentTitle(item.data?.title ?? 'Item');

  // A private item of someone else answers 404 too, so "no such item" covers both without telling.
  if (!isValidContentId(id) || (isApiError(item.error) && item.error.status === 404)) {
    return (
      <EmptyState title="No such item" testId="content-not-found">
        <Typography color="text.secondary">
          It may have been deleted, or it is not shared with you.
        </Typography>
        <Button variant="contained" component={RouterLink} to={paths.gallery.href()}>
          Go to the gallery
        </Button>
      </EmptyState>
    );
  }
  if (item.isPending) return <ContentItemSkeleton />;
  if (item.isError) {
    return <ErrorState error={item.error} onRetry={() => void item.refetch()} testId="content-error" />;
  }
  return <ContentItemView item={item.data} viewer={viewer} slots={slots} />;
}
