import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';

/** Placeholder until the tag tree lands. */
export function TagsPage() {
  return (
    <Stack spacing={1} data-testid="tags-page">
      <Typography variant="h1">Tags</Typography>
      <Typography color="text.secondary">
        Browse the tag hierarchy here. The tag tree is coming soon.
      </Typography>
    </Stack>
  );
}
