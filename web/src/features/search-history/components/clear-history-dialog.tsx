import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { errorMessage } from '@/lib/api-error';
import { useClearSearchHistory } from '../api/clear-search-history';

/** Clearing cannot be undone, so it asks first. */
export function ClearHistoryDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const clear = useClearSearchHistory();
  const close = () => {
    if (clear.isPending) return;
    clear.reset();
    onClose();
  };
  const confirm = () => clear.mutate(undefined, { onSuccess: close });

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby="clear-history-title"
      data-testid="clear-history-dialog"
    >
      <DialogTitle id="clear-history-title">Clear your search history?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Every search you have made is forgotten, here and in the search box’s suggestions. This cannot be
          undone.
        </DialogContentText>
        {clear.isError && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="clear-history-error">
            The history was not cleared: {errorMessage(clear.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={clear.isPending}>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={confirm}
          loading={clear.isPending}
          data-testid="confirm-clear-history"
        >
          Clear history
        </Button>
      </DialogActions>
    </Dialog>
  );
}
