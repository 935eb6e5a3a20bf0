import { Link as RouterLink, useLocation } from 'react-router';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ContentDetail } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { MutationError } from '@/components/mutation-error';
import { latestError } from '@/lib/latest-error';
import { useDeleteContentItemRating } from '../api/delete-content-item-rating';
import { useRateContentItem } from '../api/rate-content-item';

function averageLabel(item: ContentDetail): string {
  if (item.ratingCount === 0) return 'No ratings yet';
  const ratings = item.ratingCount === 1 ? 'rating' : 'ratings';
  return `${item.ratingAvg.toFixed(1)} average from ${item.ratingCount.toLocaleString()} ${ratings}`;
}

/** The caller's own stars (set, change, clear), with the item's average; anonymous visitors see the average. */
export function ContentRating({ item, signedIn }: { item: ContentDetail; signedIn: boolean }) {
  const location = useLocation();
  const rate = useRateContentItem(item.id);
  const clear = useDeleteContentItemRating(item.id);
  const mine = item.viewer?.rating ?? null;

  return (
    <Stack spacing={0.5} data-testid="content-rating">
      {signedIn ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id="your-rating-label" component="span">
            Your rating
          </Typography>
          <Rating
            name="content-rating"
            value={mine}
            // Clicking the current star again also clears it (MUI answers null).
            onChange={(_event, value) => (value === null ? clear.mutate() : rate.mutate(value))}
            aria-labelledby="your-rating-label"
            data-testid="rating-stars"
            data-value={mine ?? ''}
          />
          {mine !== null && (
            <Button size="small" onClick={() => clear.mutate()} data-testid="rating-clear">
              Clear rating
            </Button>
          )}
        </Stack>
      ) : (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Rating value={item.ratingAvg} precision={0.5} readOnly data-testid="rating-average-stars" />
          <Link component={RouterLink} to={paths.login.href(location.pathname + location.search)}>
            Sign in to rate
          </Link>
        </Stack>
      )}
      <Typography variant="body2" color="text.secondary" data-testid="rating-average">
        {averageLabel(item)}
      </Typography>
      <MutationError
        error={latestError(rate, clear)}
        message="Your rating was not saved"
        testId="rating-error"
      />
    </Stack>
  );
}
