import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MutationError } from '@/components/mutation-error';
import { useBulkReviewFlagged } from '../api/bulk-review-flagged';
import { ConfirmRemoveDialog } from './confirm-remove-dialog';

/** Approve or remove every selected item at once; removing asks first. */
export function BulkActionsBar({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const bulk = useBulkReviewFlagged();
  const [confirming, setConfirming] = useState(false);
  if (ids.length === 0) return null;
  const approve = () => bulk.mutate({ ids, decision: 'approve' }, { onSuccess: onDone });
  const remove = () =>
    bulk.mutate(
      { ids, decision: 'remove' },
      {
        onSuccess: () => {
          setConfirming(false);
          onDone();
        },
      },
    );
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="bulk-actions">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography sx={{ flex: 1 }} data-testid="bulk-count">
          {ids.length} selected
        </Typography>
        <Button
          variant="contained"
          color="success"
          onClick={approve}
          loading={bulk.isPending && bulk.variables.decision === 'approve'}
          disabled={bulk.isPending}
          data-testid="bulk-approve"
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          color="error"
          onClick={() => {
            bulk.reset();
            setConfirming(true);
          }}
          disabled={bulk.isPending}
          data-testid="bulk-remove"
        >
          Remove
        </Button>
      </Stack>
      {!confirming && <MutationError error={bulk.error} message="Nothing was changed" testId="bulk-error" />}
      <ConfirmRemoveDialog
        open={confirming}
        count={ids.length}
        pending={bulk.isPending}
        error={bulk.error}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}
