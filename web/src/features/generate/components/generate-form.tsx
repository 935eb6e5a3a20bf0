import { useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import type { GenerationJob } from '@genonaut/contracts';
import { useCreateJob } from '../api/create-job';
import { toRequestBody, validate, type FormValues } from '../utils/form-values';
import { submitErrors } from '../utils/submit-errors';
import { CheckpointField } from './checkpoint-field';
import { LoraPicker } from './lora-picker';
import { MetaFields } from './meta-fields';
import { PromptFields } from './prompt-fields';
import { SamplingFields } from './sampling-fields';
import { SizeFields } from './size-fields';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack spacing={2} component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography variant="h3" component="legend" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

export function GenerateForm({
  values,
  change,
  reset,
  onQueued,
}: {
  values: FormValues;
  change: (patch: Partial<FormValues>) => void;
  reset: () => void;
  onQueued: (job: GenerationJob) => void;
}) {
  const mutation = useCreateJob();
  // Problems show once a submission was tried, then follow every change.
  const [tried, setTried] = useState(false);
  const clientErrors = tried ? validate(values) : {};
  const server = submitErrors(mutation.error);
  const errors = { ...server.fields, ...clientErrors };
  const props = { values, errors, change };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    mutation.reset();
    if (Object.keys(validate(values)).length > 0) return;
    mutation.mutate(toRequestBody(values), {
      onSuccess: (job) => {
        setTried(false);
        onQueued(job);
      },
    });
  };

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack
        component="form"
        spacing={3}
        noValidate
        onSubmit={submit}
        aria-label="New generation job"
        data-testid="generate-form"
      >
        {server.alert && (
          <Alert severity="error" data-testid="generate-error">
            <AlertTitle>{server.alert.title}</AlertTitle>
            {server.alert.message}{' '}
            <Typography component="span" variant="caption" data-testid="generate-error-code">
              ({server.alert.code})
            </Typography>
          </Alert>
        )}
        {tried && Object.keys(clientErrors).length > 0 && (
          <Alert severity="warning" data-testid="generate-invalid">
            Some settings need fixing before the job can be queued.
          </Alert>
        )}
        <Section title="Prompt">
          <PromptFields {...props} />
        </Section>
        <Divider />
        <Section title="Model">
          <CheckpointField {...props} />
          <LoraPicker {...props} />
        </Section>
        <Divider />
        <Section title="Image">
          <SizeFields {...props} />
          <SamplingFields {...props} />
        </Section>
        <Divider />
        <Section title="Result">
          <MetaFields {...props} />
        </Section>
        <Stack
          direction={{ xs: 'column-reverse', sm: 'row' }}
          spacing={2}
          sx={{ justifyContent: 'flex-end' }}
        >
          <Button
            variant="outlined"
            startIcon={<RestartAltIcon />}
            onClick={() => {
              reset();
              setTried(false);
              mutation.reset();
            }}
            data-testid="reset-form"
          >
            Reset to defaults
          </Button>
          <Button
            type="submit"
            variant="contained"
            size="large"
            loading={mutation.isPending}
            data-testid="generate-submit"
          >
            Generate
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
