import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MyGenerationStats } from './my-generation-stats';
import { RecentItems } from './recent-items';
import { RunningJobs } from './running-jobs';
import { SourceCounts } from './source-counts';

export function DashboardPage() {
  return (
    <Stack spacing={4} data-testid="dashboard-page">
      <Typography variant="h1">Dashboard</Typography>
      <SourceCounts />
      <RunningJobs />
      <MyGenerationStats />
      <RecentItems scope="mine" title="Your recent images" />
      <RecentItems scope="community" title="From the community" />
    </Stack>
  );
}
