import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** One section of the settings: a titled card, labelled by its heading for screen readers. */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={`${id}-title`}
      data-testid={`${id}-section`}
      sx={{ p: { xs: 2, sm: 3 } }}
    >
      <Stack spacing={2}>
        <Stack spacing={0.5}>
          <Typography variant="h2" id={`${id}-title`}>
            {title}
          </Typography>
          {description && <Typography color="text.secondary">{description}</Typography>}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
