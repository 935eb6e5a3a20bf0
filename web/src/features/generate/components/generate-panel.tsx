import { useCallback } from 'react';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { ContentDetail } from '@genonaut/contracts';
import { errorMessage } from '@/lib/api-error';
import { useGenerateForm } from '../hooks/use-generate-form';
import { usePrefillFrom } from '../hooks/use-prefill-from';
import { useSessionJobs } from '../hooks/use-session-jobs';
import { fromContent } from '../utils/form-values';
import { GenerateForm } from './generate-form';
import { SessionJobs } from './session-jobs';

/** The form beside the progress of the jobs queued from it. */
export function GeneratePanel() {
  const form = useGenerateForm();
  const session = useSessionJobs();
  const { replace } = form;
  const apply = useCallback(
    (item: ContentDetail) => replace((current) => fromContent(item, current)),
    [replace],
  );
  const prefill = usePrefillFrom(apply);

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={2}>
          {prefill.loading && (
            <LinearProgress aria-label="Copying the item's settings" data-testid="prefill-loading" />
          )}
          {prefill.outcome?.kind === 'copied' && (
            <Alert severity="info" onClose={prefill.dismiss} data-testid="prefill-done">
              Settings copied from “{prefill.outcome.title}”.
            </Alert>
          )}
          {prefill.outcome?.kind === 'failed' && (
            <Alert severity="error" onClose={prefill.dismiss} data-testid="prefill-error">
              Could not copy the settings of item {prefill.outcome.id}: {errorMessage(prefill.outcome.error)}
            </Alert>
          )}
          <GenerateForm
            values={form.values}
            change={form.change}
            reset={form.reset}
            onQueued={(job) => session.add(job.id)}
          />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <SessionJobs ids={session.ids} onRemove={session.remove} />
      </Grid>
    </Grid>
  );
}
