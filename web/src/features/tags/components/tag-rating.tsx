import Button from '@mui/material/Button';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TagDetail } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { latestError } from '@/lib/latest-error';
import { useDeleteTagRating } from '../api/delete-tag-rating';
import { useRateTag } from '../api/rate-tag';

const starsLabel = (value: number) => `${value} ${value === 1 ? 'star' : 'stars'}`;

/** The average over everyone, and (signed in) the viewer's own half-star rating, settable. */
export function TagRating({ tag, cacheKey }: { tag: TagDetail; cacheKey: string }) {
  const rate = useRateTag(cacheKey);
  const remove = useDeleteTagRating(cacheKey);
  const own = tag.viewer?.rating ?? null;
  return (
    <Stack spacing={1} data-testid="tag-rating">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Rating value={tag.ratingAvg ?? 0} precision={0.1} readOnly size="small" aria-hidden />
        <Typography variant="body2" data-testid="tag-rating-average">
          {tag.ratingAvg === null
            ? 'Not rated yet'
            : `${tag.ratingAvg.toFixed(1)} average from ${tag.ratingCount.toLocaleString()} ${
                tag.ratingCount === 1 ? 'rating' : 'ratings'
              }`}
        </Typography>
      </Stack>
      {tag.viewer && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span" id="tag-your-rating-label">
            Your rating
          </Typography>
          <Rating
            name="tag-your-rating"
            value={own}
            precision={0.5}
            getLabelText={starsLabel}
            onChange={(_event, value) =>
              value === null ? remove.mutate(tag.id) : rate.mutate({ id: tag.id, rating: value })
            }
            aria-labelledby="tag-your-rating-label"
            data-testid="tag-your-rating"
          />
          {own !== null && (
            <Button size="small" onClick={() => remove.mutate(tag.id)}>
              Remove my rating
            </Button>
          )}
        </Stack>
      )}
      <MutationError
        error={latestError(rate, remove)}
        message="Could not save your rating"
        testId="tag-rating-error"
      />
    </Stack>
  );
}
