import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useRunningJobs } from '../hooks/use-running-jobs';

export function RunningJobs() {
  const jobs = useRunningJobs();
  return (
    <Stack spacing={1} component="section" aria-label="Your running jobs" data-testid="running-jobs">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h2">Your running jobs</Typography>
        <Button component={RouterLink} to={paths.generate.href()}>
          Generate
        </Button>
      </Stack>
      <Paper variant="outlined">
        {jobs.isPending ? (
          <Stack spacing={1} sx={{ p: 2 }} role="status" aria-label="Loading jobs">
            <Skeleton />
            <Skeleton />
          </Stack>
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.items.length === 0 ? (
          <EmptyState title="No jobs running" />
        ) : (
          <List>
            {jobs.data.items.map((job) => (
              <ListItem key={job.id} data-testid="running-job" sx={{ display: 'block' }}>
                <ListItemText
                  primary={job.title ?? job.prompt}
                  secondary={`${job.status === 'queued' ? 'Queued' : 'Running'} · ${job.checkpoint} · ${job.width}×${job.height}`}
                  slotProps={{ primary: { noWrap: true } }}
                />
                <LinearProgress
                  variant={job.status === 'queued' ? 'indeterminate' : 'determinate'}
                  value={Math.round(job.progress * 100)}
                  aria-label={`Progress of job ${job.id}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
}
