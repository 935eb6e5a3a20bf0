import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import type { RouteTrends } from '@genonaut/contracts';
import { useSkipAnimation } from '../hooks/use-skip-animation';
import { ChartFrame } from './chart-section';
import { formatBucket, formatMs } from './format';

/** Requests and p95 over time, one line per route (the selected one, or the top routes). */
export function RouteTrendsChart({ data }: { data: RouteTrends }) {
  const skipAnimation = useSkipAnimation();
  const labels = (data.series[0]?.points ?? []).map((p) => formatBucket(p.at, data.interval));
  const xAxis = [{ scaleType: 'point' as const, data: labels }];
  const name = (s: RouteTrends['series'][number]) => `${s.method} ${s.route}`;
  return (
    <Stack spacing={1}>
      <ChartFrame label="Requests over time">
        <LineChart
          skipAnimation={skipAnimation}
          xAxis={xAxis}
          series={data.series.map((s) => ({
            label: name(s),
            data: s.points.map((p) => p.requests),
            showMark: false,
          }))}
          grid={{ horizontal: true }}
        />
      </ChartFrame>
      <Typography variant="body2" color="text.secondary">
        p95 latency (same colours)
      </Typography>
      <ChartFrame label="p95 latency over time">
        <LineChart
          skipAnimation={skipAnimation}
          hideLegend
          xAxis={xAxis}
          yAxis={[{ valueFormatter: (v: number) => formatMs(v), width: 64 }]}
          series={data.series.map((s) => ({
            label: `${name(s)} p95`,
            data: s.points.map((p) => p.p95Ms),
            connectNulls: true,
            showMark: false,
            valueFormatter: (v: number | null) => formatMs(v),
          }))}
          grid={{ horizontal: true }}
        />
      </ChartFrame>
    </Stack>
  );
}
