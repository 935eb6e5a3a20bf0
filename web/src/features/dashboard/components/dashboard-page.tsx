import Typography from '@mui/material/Typography';

export function DashboardPage() {
  return <Typography variant="h1">Dashboard</Typography>;
}
