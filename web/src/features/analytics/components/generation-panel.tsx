import Stack from '@mui/material/Stack';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { useGenerationFailures } from '../api/get-generation-failures';
import { useGenerationModels } from '../api/get-generation-models';
import { useGenerationOverview } from '../api/get-generation-overview';
import { useGenerationTrends } from '../api/get-generation-trends';
import type { RangeDays } from '../hooks/use-analytics-params';
import { ChartSection, SectionLoading } from './chart-section';
import { GenerationFailuresView } from './generation-failures';
import { GenerationModelsView } from './generation-models';
import { GenerationOverviewCards } from './generation-overview-cards';
import { GenerationTrendsCharts } from './generation-trends-charts';

export function GenerationPanel({ days }: { days: RangeDays }) {
  const overview = useGenerationOverview({ days });
  const trends = useGenerationTrends({ days });
  const models = useGenerationModels({ days });
  const failures = useGenerationFailures({ days, limit: 10 });
  return (
    <Stack spacing={2} data-testid="generation-panel">
      <QueryStates
        query={overview}
        loading={<SectionLoading label="Loading the generation overview" />}
        isEmpty={(data) => data.requests === 0 && data.successes + data.failures + data.cancellations === 0}
        empty={
          <EmptyState title="No generation jobs in this range" testId="generation-empty">
            Jobs appear here after the next rollup (every 5 minutes).
          </EmptyState>
        }
      >
        {(data) => <GenerationOverviewCards data={data} />}
      </QueryStates>
      <QueryStates query={trends} loading={<SectionLoading label="Loading the generation trends" />}>
        {(data) => <GenerationTrendsCharts data={data} />}
      </QueryStates>
      <ChartSection title="Per model" testId="generation-models-section">
        <QueryStates
          query={models}
          loading={<SectionLoading label="Loading the models" />}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title="No jobs per model in this range" testId="models-empty" />}
        >
          {(data) => <GenerationModelsView data={data} />}
        </QueryStates>
      </ChartSection>
      <ChartSection
        title="Failures"
        note="Failed jobs grouped by error code."
        testId="generation-failures-section"
      >
        <QueryStates
          query={failures}
          loading={<SectionLoading label="Loading the failures" />}
          isEmpty={(data) => data.groups.length === 0}
          empty={<EmptyState title="No failures in this range" testId="failures-empty" />}
        >
          {(data) => <GenerationFailuresView data={data} />}
        </QueryStates>
      </ChartSection>
    </Stack>
  );
}
