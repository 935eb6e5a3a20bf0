import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';

/** Placeholder until the generation form and job history land. */
export function GeneratePage() {
  return (
    <Stack spacing={1} data-testid="generate-page">
      <Typography variant="h1">Generate</Typography>
      <Typography color="text.secondary">
        Queue text-to-image jobs and follow their progress here. The generation form is coming soon.
      </Typography>
    </Stack>
  );
}
