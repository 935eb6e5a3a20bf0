import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { errorMessage } from '@/lib/api-error';

/** Removing deletes the items and their files, so it asks first; a refusal shows here. */
export function ConfirmRemoveDialog({
  open,
  count,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  count: number;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const what = count === 1 ? 'this item' : `these ${count} items`;
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      aria-labelledby="confirm-remove-title"
      data-testid="confirm-remove-dialog"
    >
      <DialogTitle id="confirm-remove-title">Remove {what}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The content is deleted for everyone, its creator included, and its files are removed. This cannot be
          undone.
        </DialogContentText>
        {error !== null && error !== undefined && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="confirm-remove-error">
            Nothing was removed: {errorMessage(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={onConfirm}
          loading={pending}
          data-testid="confirm-remove"
        >
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
