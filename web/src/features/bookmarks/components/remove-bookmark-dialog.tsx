import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Bookmark } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useDeleteBookmark } from '../api/delete-bookmark';

/** Removing takes the bookmark out of every category, so it asks first. */
export function RemoveBookmarkDialog({
  bookmark,
  onClose,
  onRemoved = onClose,
}: {
  bookmark: Bookmark;
  onClose: () => void;
  /** After the API removed it; by default the same as closing. */
  onRemoved?: () => void;
}) {
  const remove = useDeleteBookmark();
  const others = bookmark.categoryIds.length - 1;
  return (
    <Dialog
      open
      onClose={remove.isPending ? undefined : onClose}
      aria-labelledby="remove-bookmark-title"
      data-testid="remove-bookmark-dialog"
    >
      <DialogTitle id="remove-bookmark-title">Remove this bookmark?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          “{bookmark.content.title}” will no longer be bookmarked
          {others > 0
            ? `, here or in the ${others === 1 ? 'other category' : `${others} other categories`}`
            : ''}
          . The image itself stays.
        </DialogContentText>
        <MutationError
          error={remove.error}
          message="The bookmark was not removed"
          testId="remove-bookmark-error"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          loading={remove.isPending}
          onClick={() => remove.mutate(bookmark.id, { onSuccess: onRemoved })}
          data-testid="confirm-remove-bookmark"
        >
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
