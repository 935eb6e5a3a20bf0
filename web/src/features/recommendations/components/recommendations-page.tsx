import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import { MutationError } from '@/components/mutation-error';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useRecommendations } from '../api/get-recommendations';
import { useRefreshRecommendations } from '../api/refresh-recommendations';
import {
  useDismissRecommendation,
  useRecordRecommendationFeedback,
} from '../api/send-recommendation-feedback';
import { useRecordServed } from '../hooks/use-record-served';
import { RecommendationCard } from './recommendation-card';

const gridSx = {
  display: 'grid',
  gap: 1.5,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(200px, 100%), 1fr))',
  m: 0,
  p: 0,
  listStyle: 'none',
} as const;

function GridSkeleton() {
  return (
    <Box sx={gridSx} role="status" aria-label="Loading recommendations" data-testid="recommendations-loading">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} variant="rounded" sx={{ aspectRatio: '0.8', height: 'auto' }} />
      ))}
    </Box>
  );
}

const computedText = (at: string | null) =>
  at === null
    ? ''
    : `Updated ${new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;

export function RecommendationsPage() {
  const list = useRecommendations();
  const refresh = useRefreshRecommendations();
  const dismiss = useDismissRecommendation();
  const record = useRecordRecommendationFeedback();
  useRecordServed(list.data?.items);

  return (
    <Stack spacing={2} data-testid="recommendations-page">
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h1">Recommended for you</Typography>
          <Typography variant="body2" color="text.secondary" data-testid="recommendations-updated">
            {computedText(list.data?.computedAt ?? null)}
          </Typography>
        </Box>
        <Button
          variant="outlined"
          startIcon={<RefreshIcon />}
          onClick={() => refresh.mutate()}
          disabled={refresh.isPending || list.isPending}
          data-testid="recommendations-refresh"
        >
          {refresh.isPending ? 'Refreshing…' : 'Refresh'}
        </Button>
      </Stack>
      <MutationError
        error={refresh.error}
        message="Could not refresh"
        testId="recommendations-refresh-error"
      />
      <MutationError
        error={dismiss.error}
        message="Could not dismiss it"
        testId="recommendations-dismiss-error"
      />
      <QueryStates
        query={list}
        loading={<GridSkeleton />}
        errorTestId="recommendations-error"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No recommendations yet" testId="recommendations-empty">
            <Typography color="text.secondary">
              Rate or bookmark a few images you like, and we will suggest more like them here.
            </Typography>
            <Button component={RouterLink} to={paths.gallery.href()} variant="contained">
              Browse the gallery
            </Button>
          </EmptyState>
        }
      >
        {(data) => (
          <Box component="ul" sx={gridSx} aria-label="Recommendations" data-testid="recommendations-list">
            {data.items.map((item) => (
              <RecommendationCard
                key={item.contentId}
                recommendation={item}
                onOpen={() => record.mutate({ contentId: item.contentId, action: 'clicked' })}
                onDismiss={() => dismiss.mutate(item.contentId)}
                dismissing={dismiss.isPending && dismiss.variables === item.contentId}
              />
            ))}
          </Box>
        )}
      </QueryStates>
    </Stack>
  );
}
