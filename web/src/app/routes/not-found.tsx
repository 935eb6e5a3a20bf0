import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Page not found');
  return (
    <Stack spacing={2} sx={{ py: 8, alignItems: 'center', textAlign: 'center' }} data-testid="not-found">
      <Typography variant="h1">Page not found</Typography>
      <Typography color="text.secondary">
        There is nothing at this address. It may have moved or never existed.
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" component={RouterLink} to={paths.dashboard.href()}>
          Go to the dashboard
        </Button>
        <Button component={RouterLink} to={paths.gallery.href()}>
          Open the gallery
        </Button>
      </Stack>
    </Stack>
  );
}
