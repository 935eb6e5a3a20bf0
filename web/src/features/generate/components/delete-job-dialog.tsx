import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

export function DeleteJobDialog({
  jobId,
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  jobId: number;
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const titleId = `delete-job-${jobId}-title`;
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={titleId} data-testid="delete-job-dialog">
      <DialogTitle id={titleId}>Delete job {jobId}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The job leaves your history. Its images stay in the gallery; delete them there if you want them
          gone.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Keep
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={onConfirm}
          loading={pending}
          data-testid="confirm-delete-job"
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
