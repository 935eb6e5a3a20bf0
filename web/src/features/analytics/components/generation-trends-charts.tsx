import Grid from '@mui/material/Grid';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { GenerationTrends } from '@genonaut/contracts';
import { useSkipAnimation } from '../hooks/use-skip-animation';
import { ChartFrame, ChartSection } from './chart-section';
import { formatBucket, formatMs } from './format';

/** Outcomes per hour or day (stacked bars) and the duration p50/p95 over the same points. */
export function GenerationTrendsCharts({ data }: { data: GenerationTrends }) {
  const skipAnimation = useSkipAnimation();
  const labels = data.points.map((p) => formatBucket(p.at, data.interval));
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartSection title="Outcomes over time" testId="generation-outcomes">
          <ChartFrame label="Completed, failed and cancelled jobs over time">
            <BarChart
              skipAnimation={skipAnimation}
              xAxis={[{ scaleType: 'band', data: labels }]}
              series={[
                { label: 'Completed', data: data.points.map((p) => p.successes), stack: 'outcome' },
                { label: 'Failed', data: data.points.map((p) => p.failures), stack: 'outcome' },
                { label: 'Cancelled', data: data.points.map((p) => p.cancellations), stack: 'outcome' },
              ]}
              grid={{ horizontal: true }}
            />
          </ChartFrame>
        </ChartSection>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartSection title="Duration over time" testId="generation-latency">
          <ChartFrame label="Job duration p50 and p95 over time">
            <LineChart
              skipAnimation={skipAnimation}
              xAxis={[{ scaleType: 'point', data: labels }]}
              yAxis={[{ valueFormatter: (v: number) => formatMs(v), width: 64 }]}
              series={[
                { label: 'p50', data: data.points.map((p) => p.p50DurationMs), connectNulls: true },
                { label: 'p95', data: data.points.map((p) => p.p95DurationMs), connectNulls: true },
              ].map((s) => ({ ...s, showMark: false, valueFormatter: (v: number | null) => formatMs(v) }))}
              grid={{ horizontal: true }}
            />
          </ChartFrame>
        </ChartSection>
      </Grid>
    </Grid>
  );
}
