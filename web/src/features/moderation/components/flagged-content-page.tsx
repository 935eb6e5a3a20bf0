import { useState } from 'react';
import type { FlaggedPage } from '@genonaut/contracts';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SpellcheckIcon from '@mui/icons-material/Spellcheck';
import { PageNumbers } from '@/components/page-numbers';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { numberedPageCount } from '@/lib/page-count';
import { FLAGGED_PAGE_SIZE, useFlaggedContent } from '../api/get-flagged-content';
import { useModerationStats } from '../api/get-moderation-stats';
import { DEFAULT_FILTERS, toApiQuery, useFlaggedFilters } from '../hooks/use-flagged-filters';
import { BulkActionsBar } from './bulk-actions-bar';
import { FlagWordsDialog } from './flag-words-dialog';
import { FlaggedFiltersBar } from './flagged-filters';
import { FlaggedRow } from './flagged-row';
import { ModerationStatsHeader } from './moderation-stats-header';
import { RescanPanel } from './rescan-panel';

function QueueSkeleton() {
  return (
    <Stack spacing={1} role="status" aria-label="Loading flagged content" data-testid="flagged-loading">
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} variant="rounded" height={72} />
      ))}
    </Stack>
  );
}

/** The admin review queue: counts, rescan, filters in the URL, rows with bulk approve/remove. */
export function FlaggedContentPage() {
  const { filters, update } = useFlaggedFilters();
  const list = useFlaggedContent(toApiQuery(filters));
  const hideThreshold = useModerationStats().data?.hideThreshold ?? 75;
  const [selected, setSelected] = useState<number[]>([]);
  const [editingWords, setEditingWords] = useState(false);
  // Selection only ever holds rows of the page on screen.
  const onPage = new Set(list.data?.items.map((i) => i.id) ?? []);
  const chosen = selected.filter((id) => onPage.has(id));
  const toggle = (id: number) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  const filtered = JSON.stringify({ ...filters, page: 1 }) !== JSON.stringify(DEFAULT_FILTERS);

  const empty = (
    <EmptyState
      title={filtered ? 'Nothing matches these filters' : 'Nothing to review'}
      testId="flagged-empty"
    >
      {filtered ? (
        <Button onClick={() => update(DEFAULT_FILTERS)}>Clear the filters</Button>
      ) : (
        <Typography color="text.secondary">
          New flags appear here when a title or prompt uses a flag word.
        </Typography>
      )}
    </EmptyState>
  );

  return (
    <Stack spacing={2} data-testid="flagged-content-page">
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Stack spacing={0.5}>
          <Typography variant="h1">Flagged content</Typography>
          <Typography color="text.secondary">Review items whose title or prompt uses a flag word.</Typography>
        </Stack>
        <Button
          startIcon={<SpellcheckIcon />}
          onClick={() => setEditingWords(true)}
          data-testid="edit-flag-words"
        >
          Flag words
        </Button>
      </Stack>
      <ModerationStatsHeader />
      <RescanPanel />
      <FlaggedFiltersBar filters={filters} onChange={update} />
      <BulkActionsBar ids={chosen} onDone={() => setSelected([])} />
      <QueryStates
        query={list}
        loading={<QueueSkeleton />}
        errorTestId="flagged-error"
        isEmpty={(data: FlaggedPage) => data.items.length === 0}
        empty={empty}
      >
        {(data) => {
          const allChosen = data.items.length > 0 && data.items.every((i) => chosen.includes(i.id));
          return (
            <Stack spacing={1}>
              <Stack
                direction="row"
                sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
              >
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={allChosen}
                      indeterminate={!allChosen && chosen.length > 0}
                      onChange={() => setSelected(allChosen ? [] : data.items.map((i) => i.id))}
                      data-testid="select-all"
                    />
                  }
                  label="Select all on this page"
                />
                <Typography color="text.secondary" data-testid="flagged-count">
                  {(data.pagination.totalCount ?? data.items.length).toLocaleString()}{' '}
                  {data.pagination.totalCount === 1 ? 'item' : 'items'}
                </Typography>
              </Stack>
              <List
                aria-label="Flagged content"
                data-testid="flagged-list"
                sx={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
              >
                {data.items.map((item) => (
                  <FlaggedRow
                    key={item.id}
                    item={item}
                    selected={chosen.includes(item.id)}
                    onToggle={toggle}
                    hideThreshold={hideThreshold}
                  />
                ))}
              </List>
              <PageNumbers
                count={numberedPageCount(data.pagination, filters.page, FLAGGED_PAGE_SIZE)}
                page={filters.page}
                onPage={(page) => update({ page })}
                label="Flagged content pages"
                testId="flagged-pages"
              />
            </Stack>
          );
        }}
      </QueryStates>
      <FlagWordsDialog open={editingWords} onClose={() => setEditingWords(false)} />
    </Stack>
  );
}
