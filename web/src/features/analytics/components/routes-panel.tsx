import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { usePeakHours } from '../api/get-peak-hours';
import { useRouteRanking } from '../api/get-route-ranking';
import { useRouteTrends } from '../api/get-route-trends';
import { useAnalyticsParams, type RangeDays } from '../hooks/use-analytics-params';
import { ChartSection, SectionLoading } from './chart-section';
import { PeakHoursHeatmap } from './peak-hours-heatmap';
import { RouteRankingTable } from './route-ranking-table';
import { RouteTrendsChart } from './route-trends-chart';

export function RoutesPanel({ days }: { days: RangeDays }) {
  const { trendRoute, setTrendRoute } = useAnalyticsParams();
  const ranking = useRouteRanking({ days, limit: 25 });
  const trends = useRouteTrends(
    trendRoute ? { days, route: trendRoute.route, method: trendRoute.method } : { days, top: 5 },
  );
  const peak = usePeakHours({ days: Math.max(days, 7) });
  return (
    <Stack spacing={2} data-testid="routes-panel">
      <ChartSection
        title="Routes by cache priority"
        note="Requests × p95 latency, reads weighted over writes: the routes a response cache would help most."
        testId="route-ranking-section"
      >
        <QueryStates
          query={ranking}
          loading={<SectionLoading label="Loading the route ranking" />}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState title="No requests recorded in this range" testId="routes-empty">
              Requests appear here after the next rollup (every 5 minutes).
            </EmptyState>
          }
        >
          {(data) => <RouteRankingTable items={data.items} selected={trendRoute} onSelect={setTrendRoute} />}
        </QueryStates>
      </ChartSection>
      <ChartSection
        title={trendRoute ? `Trend of ${trendRoute.method} ${trendRoute.route}` : 'Trend of the top routes'}
        testId="route-trends-section"
      >
        {trendRoute && (
          <Button size="small" onClick={() => setTrendRoute(null)} sx={{ alignSelf: 'flex-start' }}>
            Show the top routes
          </Button>
        )}
        <QueryStates
          query={trends}
          loading={<SectionLoading label="Loading the route trends" />}
          isEmpty={(data) => data.series.every((s) => s.points.every((p) => p.requests === 0))}
          empty={<EmptyState title="No requests in this range" testId="trends-empty" />}
        >
          {(data) => <RouteTrendsChart data={data} />}
        </QueryStates>
      </ChartSection>
      <ChartSection
        title="Peak hours"
        note={`Requests per weekday and hour (UTC) over the last ${Math.max(days, 7)} days.`}
        testId="peak-hours-section"
      >
        <QueryStates
          query={peak}
          loading={<SectionLoading label="Loading the peak hours" />}
          isEmpty={(data) => data.cells.every((c) => c.requests === 0)}
          empty={<EmptyState title="No requests in this range" testId="peak-empty" />}
        >
          {(data) => <PeakHoursHeatmap data={data} />}
        </QueryStates>
      </ChartSection>
    </Stack>
  );
}
