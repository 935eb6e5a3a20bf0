import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { paths } from '@/config/paths';
import { errorMessage, isApiError } from '@/lib/api-error';
import { useDeleteContentItem } from '../api/delete-content-item';

/** 403 and 404 get words of their own: they say what happened, not just that it failed. */
function deleteErrorMessage(error: unknown): string {
  if (isApiError(error) && error.status === 403) {
    return 'You may not delete this image: only its creator or an admin can.';
  }
  if (isApiError(error) && error.status === 404) {
    return 'This image no longer exists; it may have been deleted already.';
  }
  return `The image was not deleted: ${errorMessage(error)}`;
}

export function DeleteContentDialog({
  id,
  title,
  open,
  onClose,
}: {
  id: number;
  title: string;
  open: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const remove = useDeleteContentItem(id);
  const gone = isApiError(remove.error) && remove.error.status === 404;

  const close = () => {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  };
  const confirm = () =>
    remove.mutate(undefined, {
      // Replace, so Back does not lead to the page of an item that no longer exists.
      onSuccess: () => void navigate(paths.gallery.href(), { replace: true }),
    });

  return (
    <Dialog open={open} onClose={close} aria-labelledby="delete-content-title" data-testid="delete-dialog">
      <DialogTitle id="delete-content-title">Delete this image?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          “{title}” will be removed for everyone, with its ratings and bookmarks. This cannot be undone.
        </DialogContentText>
        {remove.isError && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="delete-error">
            {deleteErrorMessage(remove.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {gone ? (
          <Button onClick={() => void navigate(paths.gallery.href(), { replace: true })}>
            Go to the gallery
          </Button>
        ) : (
          <Button onClick={close} disabled={remove.isPending}>
            Cancel
          </Button>
        )}
        {!gone && (
          <Button
            color="error"
            variant="contained"
            onClick={confirm}
            loading={remove.isPending}
            data-testid="confirm-delete"
          >
            Delete
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
