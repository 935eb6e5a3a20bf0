import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useAnalyticsParams, type AnalyticsTab } from '../hooks/use-analytics-params';
import { GenerationPanel } from './generation-panel';
import { RangeSelector } from './range-selector';
import { RoutesPanel } from './routes-panel';
import { TagsPanel } from './tags-panel';

const TABS: { value: AnalyticsTab; label: string }[] = [
  { value: 'routes', label: 'API routes' },
  { value: 'generation', label: 'Generation' },
  { value: 'tags', label: 'Tags' },
];

export function AnalyticsPage() {
  const { tab, days, setTab, setDays } = useAnalyticsParams();
  return (
    <Stack spacing={2} data-testid="analytics-page" sx={{ minWidth: 0 }}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ justifyContent: 'space-between', alignItems: { xs: 'flex-start', sm: 'center' } }}
      >
        <Typography variant="h1">Analytics</Typography>
        {/* Tag counts are the current state, not a range. */}
        {tab !== 'tags' && <RangeSelector days={days} onChange={setDays} />}
      </Stack>
      <Tabs
        value={tab}
        onChange={(_event, next: AnalyticsTab) => setTab(next)}
        variant="scrollable"
        scrollButtons={false}
        aria-label="Analytics sections"
      >
        {TABS.map((t) => (
          <Tab
            key={t.value}
            value={t.value}
            label={t.label}
            id={`analytics-tab-${t.value}`}
            aria-controls="analytics-panel"
            data-testid={`analytics-tab-${t.value}`}
          />
        ))}
      </Tabs>
      <Box role="tabpanel" id="analytics-panel" aria-labelledby={`analytics-tab-${tab}`} sx={{ minWidth: 0 }}>
        {tab === 'routes' && <RoutesPanel days={days} />}
        {tab === 'generation' && <GenerationPanel days={days} />}
        {tab === 'tags' && <TagsPanel />}
      </Box>
    </Stack>
  );
}
