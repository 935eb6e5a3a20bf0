import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useBulkReviewFlagged } from '../api/bulk-review-flagged';
import { ReviewActions } from './review-actions';

/** Approve or remove every selected item at once; removing asks first. */
export function BulkActionsBar({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const bulk = useBulkReviewFlagged();
  if (ids.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="bulk-actions">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography sx={{ flex: 1 }} data-testid="bulk-count">
          {ids.length} selected
        </Typography>
        <ReviewActions
          testIdPrefix="bulk"
          count={ids.length}
          pending={bulk.isPending}
          approving={bulk.isPending && bulk.variables.decision === 'approve'}
          error={bulk.error}
          errorMessage="Nothing was changed"
          onApprove={() => bulk.mutate({ ids, decision: 'approve' }, { onSuccess: onDone })}
          onRemove={(close) =>
            bulk.mutate(
              { ids, decision: 'remove' },
              {
                onSuccess: () => {
                  close();
                  onDone();
                },
              },
            )
          }
          onResetError={() => bulk.reset()}
        />
      </Stack>
    </Paper>
  );
}
