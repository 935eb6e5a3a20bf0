import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { ErrorState } from '@/components/state-message';
import { useBookmark } from '../api/get-bookmark';
import { useCategories } from '../api/get-categories';
import { BookmarkNoteField } from './bookmark-note-field';
import { CategoryChecklist } from './category-checklist';
import { RemoveBookmarkDialog } from './remove-bookmark-dialog';

/** Where a bookmark is filed, its note, and removing it; every change is saved as it is made. */
export function BookmarkManagerDialog({
  bookmarkId,
  onClose,
  onRemoved,
}: {
  bookmarkId: string;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const bookmark = useBookmark(bookmarkId);
  const categories = useCategories();
  const [removing, setRemoving] = useState(false);
  const error = bookmark.error ?? categories.error;

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="bookmark-manager-title"
      fullWidth
      maxWidth="xs"
      data-testid="bookmark-manager"
    >
      <DialogTitle id="bookmark-manager-title">Bookmarked</DialogTitle>
      <DialogContent>
        {error ? (
          <ErrorState
            error={error}
            onRetry={() => void Promise.all([bookmark.refetch(), categories.refetch()])}
            testId="bookmark-manager-error"
          />
        ) : bookmark.data && categories.data ? (
          <Stack spacing={3}>
            <CategoryChecklist bookmark={bookmark.data} categories={categories.data.items} />
            <BookmarkNoteField key={bookmark.data.id} bookmark={bookmark.data} />
          </Stack>
        ) : (
          <Stack
            spacing={1}
            role="status"
            aria-label="Loading your categories"
            data-testid="bookmark-manager-loading"
          >
            <Skeleton variant="rounded" height={32} />
            <Skeleton variant="rounded" height={32} />
            <Skeleton variant="rounded" height={72} />
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'space-between' }}>
        <Button
          color="error"
          startIcon={<DeleteOutlinedIcon />}
          disabled={!bookmark.data}
          onClick={() => setRemoving(true)}
          data-testid="bookmark-manager-remove"
        >
          Remove bookmark
        </Button>
        <Button variant="contained" onClick={onClose} data-testid="bookmark-manager-done">
          Done
        </Button>
      </DialogActions>
      {removing && bookmark.data && (
        <RemoveBookmarkDialog
          bookmark={bookmark.data}
          onClose={() => setRemoving(false)}
          onRemoved={onRemoved}
        />
      )}
    </Dialog>
  );
}
