import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import FavoriteIcon from '@mui/icons-material/Favorite';
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder';
import type { TagDetail } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { latestError } from '@/lib/latest-error';
import { useAddTagFavorite } from '../api/add-tag-favorite';
import { useRemoveTagFavorite } from '../api/remove-tag-favorite';

/** A toggle (aria-pressed) for the signed-in viewer; the page shows a sign-in hint otherwise. */
export function TagFavouriteButton({ tag, cacheKey }: { tag: TagDetail; cacheKey: string }) {
  const add = useAddTagFavorite(cacheKey);
  const remove = useRemoveTagFavorite(cacheKey);
  const isFavorite = tag.viewer?.isFavorite ?? false;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant={isFavorite ? 'contained' : 'outlined'}
        startIcon={isFavorite ? <FavoriteIcon /> : <FavoriteBorderIcon />}
        aria-pressed={isFavorite}
        onClick={() => (isFavorite ? remove.mutate(tag.id) : add.mutate(tag.id))}
        data-testid="tag-favourite"
      >
        {isFavorite ? 'Favourite' : 'Add to favourites'}
      </Button>
      <MutationError
        error={latestError(add, remove)}
        message="Could not change your favourites"
        testId="tag-favourite-error"
      />
    </Stack>
  );
}
