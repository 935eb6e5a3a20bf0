import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { isApiError } from '@/lib/api-error';
import { useContentItem } from '../api/get-content-item';

/** The item page: for now the image, title, creator and prompt; the full page replaces this. */
export function ContentItemPage({ id }: { id: number }) {
  const item = useContentItem(id);
  if (!Number.isSafeInteger(id) || id < 1 || (isApiError(item.error) && item.error.status === 404)) {
    return <EmptyState title="No such item" testId="content-not-found" />;
  }
  if (item.isPending) return <Skeleton variant="rectangular" height={360} />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  const { data } = item;
  const image = data.thumbnails.large ?? data.image;
  return (
    <Stack spacing={2} data-testid="content-item-page">
      <Typography variant="h1">{data.title}</Typography>
      <Typography color="text.secondary">
        by {data.creator.displayName ?? data.creator.username} · {new Date(data.createdAt).toLocaleString()}
      </Typography>
      {image && (
        <Box
          component="img"
          src={image.url}
          alt={data.title}
          sx={{ maxWidth: '100%', height: 'auto', borderRadius: 2 }}
        />
      )}
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{data.prompt}</Typography>
    </Stack>
  );
}
