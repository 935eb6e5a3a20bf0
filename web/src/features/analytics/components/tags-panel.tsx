import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Link from '@mui/material/Link';
import type { TagAnalytics } from '@genonaut/contracts';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useTagAnalytics } from '../api/get-tag-analytics';
import { useSkipAnimation } from '../hooks/use-skip-animation';
import { ChartFrame, ChartSection, SectionLoading } from './chart-section';
import { formatCount } from './format';

const SOURCES = ['all', 'regular', 'auto'] as const;
type Source = (typeof SOURCES)[number];
const SOURCE_LABELS: Record<Source, string> = { all: 'All items', regular: 'Regular', auto: 'Auto' };

function TagsView({ data }: { data: TagAnalytics }) {
  const skipAnimation = useSkipAnimation();
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary" data-testid="tag-totals">
        {formatCount(data.totalTags)} tags, {formatCount(data.tagsWithContent)} with items,{' '}
        {formatCount(data.totalTaggings)} taggings
        {data.updatedAt &&
          ` · counted ${new Date(data.updatedAt).toLocaleString('en-US', { timeZone: 'UTC' })} UTC`}
      </Typography>
      <ChartSection title="Tags by number of items" testId="tag-distribution">
        <ChartFrame label="How many tags have how many items">
          <BarChart
            skipAnimation={skipAnimation}
            xAxis={[{ scaleType: 'band', data: data.buckets.map((b) => b.label), label: 'Items per tag' }]}
            series={[{ label: 'Tags', data: data.buckets.map((b) => b.tags) }]}
            hideLegend
            grid={{ horizontal: true }}
          />
        </ChartFrame>
        <Table size="small" aria-label="Tags per item-count bucket" data-testid="tag-buckets">
          <TableBody>
            {data.buckets.map((b) => (
              <TableRow key={b.label} data-testid="tag-bucket" data-bucket={b.label}>
                <TableCell>{b.label} items</TableCell>
                <TableCell align="right">{formatCount(b.tags)} tags</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ChartSection>
      <ChartSection title="Biggest tags" testId="top-tags-section">
        <TableContainer>
          <Table size="small" aria-label="Biggest tags" data-testid="top-tags">
            <TableHead>
              <TableRow>
                <TableCell>Tag</TableCell>
                <TableCell align="right">Items</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.top.map((t) => (
                <TableRow key={t.id} data-testid="top-tag">
                  <TableCell>
                    <Link component={RouterLink} to={paths.tag.href(t.slug)}>
                      {t.name}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{formatCount(t.contentCount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </ChartSection>
    </Stack>
  );
}

export function TagsPanel() {
  const [searchParams, setSearchParams] = useSearchParams();
  const source = SOURCES.find((s) => s === searchParams.get('source')) ?? 'all';
  const tags = useTagAnalytics({ source, limit: 20 });
  const setSource = (next: Source) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      if (next === 'all') params.delete('source');
      else params.set('source', next);
      return params;
    });
  return (
    <Stack spacing={2} data-testid="tags-panel">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={source}
        aria-label="Items counted"
        onChange={(_event, next: Source | null) => {
          if (next) setSource(next);
        }}
      >
        {SOURCES.map((s) => (
          <ToggleButton key={s} value={s}>
            {SOURCE_LABELS[s]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <QueryStates
        query={tags}
        loading={<SectionLoading label="Loading the tag statistics" height={200} />}
        isEmpty={(data) => data.totalTags === 0}
        empty={<EmptyState title="No tags yet" testId="tags-empty" />}
      >
        {(data) => <TagsView data={data} />}
      </QueryStates>
    </Stack>
  );
}
