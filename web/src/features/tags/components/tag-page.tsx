import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-error';
import { useTag } from '../api/get-tag';
import { useTagContent } from '../hooks/use-tag-content';
import { TagContent } from './tag-content';
import { TagCounts } from './tag-counts';
import { TagFavouriteButton } from './tag-favourite-button';
import { TagRating } from './tag-rating';
import { TagAncestorPaths, TagRelations } from './tag-relations';

function TagPageSkeleton() {
  return (
    <Stack spacing={2} role="status" aria-label="Loading tag" data-testid="tag-loading">
      <Skeleton variant="text" width="40%" height={56} />
      <Skeleton variant="text" width="70%" />
      <Skeleton variant="rounded" height={120} />
    </Stack>
  );
}

/** The page number of the images lives in the URL, like every other page state. */
function usePageParam() {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('page') ?? '1');
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const setPage = (next: number) => {
    setParams(next > 1 ? { page: String(next) } : {});
    window.scrollTo({ top: 0 });
  };
  return [page, setPage] as const;
}

export function TagPage({ idOrSlug }: { idOrSlug: string }) {
  const location = useLocation();
  const [page, setPage] = usePageParam();
  const tag = useTag(idOrSlug);
  // Both at once: the images do not wait for the tag.
  const content = useTagContent(idOrSlug, page);

  if (isApiError(tag.error) && (tag.error.status === 404 || tag.error.status === 400)) {
    return (
      <EmptyState title="No such tag" testId="tag-not-found">
        <Typography color="text.secondary">
          It may have been removed.{' '}
          <Link component={RouterLink} to={paths.tags.href()}>
            Browse all tags
          </Link>
        </Typography>
      </EmptyState>
    );
  }
  if (tag.isPending) return <TagPageSkeleton />;
  if (tag.isError)
    return <ErrorState error={tag.error} onRetry={() => void tag.refetch()} testId="tag-error" />;

  const { data } = tag;
  return (
    <Stack spacing={3} data-testid="tag-page">
      <Stack spacing={1}>
        <TagAncestorPaths tag={data} />
        <Stack
          direction="row"
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
        >
          <Typography variant="h1" data-testid="tag-name">
            {data.name}
          </Typography>
          {data.viewer && <TagFavouriteButton tag={data} cacheKey={idOrSlug} />}
        </Stack>
        {data.description && <Typography data-testid="tag-description">{data.description}</Typography>}
      </Stack>
      <TagCounts tag={data} withDescendants={content.data?.pagination} />
      <TagRating tag={data} cacheKey={idOrSlug} />
      {!data.viewer && (
        <Typography color="text.secondary" data-testid="tag-sign-in-hint">
          <Link component={RouterLink} to={paths.login.href(location.pathname + location.search)}>
            Sign in
          </Link>{' '}
          to rate this tag or add it to your favourites.
        </Typography>
      )}
      <TagRelations tag={data} />
      <Divider />
      <TagContent slug={data.slug} name={data.name} result={content} page={page} onPage={setPage} />
    </Stack>
  );
}
