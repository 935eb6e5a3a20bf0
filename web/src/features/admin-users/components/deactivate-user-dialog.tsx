import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { CurrentUser } from '@genonaut/contracts';

/** Deactivation signs the user out everywhere and stops their API tokens, so it is confirmed first. */
export function DeactivateUserDialog({
  user,
  onCancel,
  onConfirm,
}: {
  user: CurrentUser | null;
  onCancel: () => void;
  onConfirm: (user: CurrentUser) => void;
}) {
  return (
    <Dialog open={user !== null} onClose={onCancel} aria-labelledby="deactivate-user-title">
      <DialogTitle id="deactivate-user-title">Deactivate {user?.username}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          They are signed out at once, their API tokens stop working and they cannot sign in until an
          administrator activates the account again. Their content stays.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => user && onConfirm(user)}
          data-testid="deactivate-user-confirm"
        >
          Deactivate
        </Button>
      </DialogActions>
    </Dialog>
  );
}
