import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';

/** Placeholder until the tag page lands. */
export function TagPage({ idOrSlug }: { idOrSlug: string }) {
  return (
    <Stack spacing={1} data-testid="tag-page">
      <Typography variant="h1">Tag: {idOrSlug}</Typography>
      <Typography color="text.secondary">
        The tag’s parents, children, counts and content will show here.
      </Typography>
    </Stack>
  );
}
