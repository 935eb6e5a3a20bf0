import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { MutationError } from '@/components/mutation-error';
import { ConfirmRemoveDialog } from './confirm-remove-dialog';

/**
 * Approve and Remove for one item or a selection: remove asks first (the refusal shows in the dialog),
 * an approve refusal shows under the buttons. `onRemove` gets a callback that closes the dialog.
 */
export function ReviewActions({
  testIdPrefix,
  count,
  pending,
  approving,
  approveDisabled = false,
  error,
  errorMessage,
  onApprove,
  onRemove,
  onResetError,
}: {
  testIdPrefix: string;
  count: number;
  pending: boolean;
  approving: boolean;
  approveDisabled?: boolean;
  error: unknown;
  errorMessage: string;
  onApprove: () => void;
  onRemove: (close: () => void) => void;
  onResetError: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          color="success"
          onClick={onApprove}
          loading={approving}
          disabled={approveDisabled || pending}
          data-testid={`${testIdPrefix}-approve`}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          color="error"
          onClick={() => {
            onResetError();
            setConfirming(true);
          }}
          disabled={pending}
          data-testid={`${testIdPrefix}-remove`}
        >
          Remove
        </Button>
      </Stack>
      {!confirming && <MutationError error={error} message={errorMessage} testId={`${testIdPrefix}-error`} />}
      <ConfirmRemoveDialog
        open={confirming}
        count={count}
        pending={pending}
        error={error}
        onConfirm={() => onRemove(() => setConfirming(false))}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
