import Typography from '@mui/material/Typography';
import type { CopyResult } from '@/hooks/use-clipboard';

/** Says how copying went, politely announced; when the clipboard refused, what to do instead. */
export function CopyStatus({ result, what, testId }: { result: CopyResult; what: string; testId: string }) {
  return (
    <Typography role="status" variant="body2" data-testid={testId}>
      {result === 'yes' ? 'Copied' : result === 'failed' ? `Could not copy; select the ${what} instead` : ''}
    </Typography>
  );
}
