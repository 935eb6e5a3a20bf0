import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { errorMessage } from '@/lib/api-error';

/** "Nothing here" with a hint of what to do, distinct from loading and from an error. */
export function EmptyState({
  title,
  children,
  testId,
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Stack
      spacing={1}
      sx={{ py: 6, textAlign: 'center', alignItems: 'center' }}
      data-testid={testId ?? 'empty-state'}
    >
      <Typography variant="h3" component="p">
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

export function ErrorState({
  error,
  onRetry,
  testId,
}: {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}) {
  return (
    <Alert
      severity="error"
      data-testid={testId ?? 'error-state'}
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      {errorMessage(error)}
    </Alert>
  );
}
