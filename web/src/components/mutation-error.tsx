import Typography from '@mui/material/Typography';
import { errorMessage } from '@/lib/api-error';

/** What a refused change did not do, and the API's reason; nothing while there is no error. */
export function MutationError({
  error,
  message,
  testId,
}: {
  error: unknown;
  message: string;
  testId: string;
}) {
  if (error === null || error === undefined) return null;
  return (
    <Typography variant="body2" color="error" role="alert" data-testid={testId}>
      {message}: {errorMessage(error)}
    </Typography>
  );
}
