import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useGenerateParams, type GenerateTab } from '../hooks/use-generate-params';
import { GeneratePanel } from './generate-panel';
import { HistoryPanel } from './history-panel';

/** The form with live progress, and the history of every job; the tab lives in the URL. */
export function GeneratePage() {
  const { tab, setTab } = useGenerateParams();
  return (
    <Stack spacing={2} data-testid="generate-page">
      <Typography variant="h1">Generate</Typography>
      <Tabs
        value={tab}
        onChange={(_event, next: GenerateTab) => setTab(next)}
        aria-label="Generate sections"
        variant="scrollable"
        allowScrollButtonsMobile
      >
        <Tab
          value="generate"
          label="New job"
          id="generate-tab-new"
          aria-controls="generate-tabpanel"
          data-testid="new-job-tab"
        />
        <Tab
          value="history"
          label="History"
          id="generate-tab-history"
          aria-controls="generate-tabpanel"
          data-testid="history-tab"
        />
      </Tabs>
      <div
        role="tabpanel"
        id="generate-tabpanel"
        aria-labelledby={`generate-tab-${tab === 'history' ? 'history' : 'new'}`}
      >
        {tab === 'history' ? <HistoryPanel /> : <GeneratePanel />}
      </div>
    </Stack>
  );
}
