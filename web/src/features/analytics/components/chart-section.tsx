import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** A titled block of the analytics page: a chart or a table, with an optional note under the title. */
export function ChartSection({
  title,
  note,
  testId,
  children,
}: {
  title: string;
  note?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={title}
      data-testid={testId}
      sx={{ p: 2, minWidth: 0 }}
    >
      <Stack spacing={1}>
        <Typography variant="h3" component="h2">
          {title}
        </Typography>
        {note && (
          <Typography variant="body2" color="text.secondary">
            {note}
          </Typography>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The chart itself: the width of its section (MUI X charts follow their container), taller on a phone
 * where the legend wraps onto several lines.
 */
export function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack role="figure" aria-label={label} sx={{ width: '100%', height: { xs: 320, sm: 260 }, minWidth: 0 }}>
      {children}
    </Stack>
  );
}

/** A section's loading state: a placeholder of about its size, announced by `label`. */
export function SectionLoading({ label, height = 120 }: { label: string; height?: number }) {
  return (
    <Stack role="status" aria-label={label}>
      <Skeleton variant="rounded" height={height} />
    </Stack>
  );
}
