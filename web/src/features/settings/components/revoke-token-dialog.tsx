import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ApiToken } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useRevokeApiToken } from '../api/revoke-api-token';

/** Revoking cannot be undone, so it is asked for twice. */
export function RevokeTokenDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const revoke = useRevokeApiToken();
  return (
    <Dialog open onClose={onClose} aria-labelledby="revoke-token-title" data-testid="revoke-token-dialog">
      <DialogTitle id="revoke-token-title">Revoke “{token.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Anything still using this token stops working at once. This cannot be undone.
        </DialogContentText>
        <MutationError error={revoke.error} message="The token was not revoked" testId="revoke-token-error" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}
          data-testid="revoke-token-confirm"
        >
          Revoke
        </Button>
      </DialogActions>
    </Dialog>
  );
}
