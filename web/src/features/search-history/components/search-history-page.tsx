import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { SearchHistoryPage as HistoryPage } from '@genonaut/contracts';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweepOutlined';
import { MutationError } from '@/components/mutation-error';
import { PageNumbers } from '@/components/page-numbers';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { numberedPageCount } from '@/lib/page-count';
import { useDeleteSearch } from '../api/delete-search';
import { SEARCH_HISTORY_PAGE_SIZE, useSearchHistory } from '../api/get-search-history';
import { useHistoryPage } from '../hooks/use-history-page';
import { ClearHistoryDialog } from './clear-history-dialog';
import { SearchHistoryRow } from './search-history-row';

function HistorySkeleton() {
  return (
    <Stack spacing={1} role="status" aria-label="Loading search history" data-testid="search-history-loading">
      {[55, 40, 65, 45, 60].map((width, index) => (
        <Skeleton key={index} variant="text" width={`${width}%`} height={48} />
      ))}
    </Stack>
  );
}

/** Your gallery searches, grouped by query: search one again, forget it, or clear them all. */
export function SearchHistoryPage() {
  const [page, setPage] = useHistoryPage();
  const history = useSearchHistory(page);
  const remove = useDeleteSearch();
  const [confirmClear, setConfirmClear] = useState(false);
  const hasAny = (history.data?.pagination.totalCount ?? history.data?.items.length ?? 0) > 0;

  const isEmpty = (data: HistoryPage) => data.items.length === 0;
  const empty =
    page > 1 && hasAny ? (
      // A deletion emptied the last page, or an old link points past the end.
      <EmptyState title="Nothing on this page" testId="search-history-page-empty">
        <Button onClick={() => setPage(1)}>Go to the first page</Button>
      </EmptyState>
    ) : (
      <EmptyState title="No searches yet" testId="search-history-empty">
        <Typography color="text.secondary">
          Searches you run from the search box appear here.{' '}
          <Link component={RouterLink} to={paths.gallery.href()}>
            Open the gallery
          </Link>
        </Typography>
      </EmptyState>
    );

  return (
    <Stack spacing={2} data-testid="search-history-page">
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Stack spacing={0.5}>
          <Typography variant="h1">Search history</Typography>
          <Typography color="text.secondary">Your searches, most recently used first.</Typography>
        </Stack>
        {hasAny && (
          <Button
            color="error"
            startIcon={<DeleteSweepIcon />}
            onClick={() => setConfirmClear(true)}
            data-testid="clear-history"
          >
            Clear all
          </Button>
        )}
      </Stack>
      <MutationError error={remove.error} message="The search was not deleted" testId="delete-search-error" />
      <QueryStates
        query={history}
        loading={<HistorySkeleton />}
        errorTestId="search-history-error"
        isEmpty={isEmpty}
        empty={empty}
      >
        {(data) => (
          <Stack spacing={2}>
            {data.pagination.totalCount !== undefined && (
              <Typography color="text.secondary" data-testid="search-history-count">
                {data.pagination.totalCount.toLocaleString()}{' '}
                {data.pagination.totalCount === 1 ? 'distinct search' : 'distinct searches'}
              </Typography>
            )}
            <List
              aria-label="Search history"
              data-testid="search-history-list"
              sx={{ opacity: history.isPlaceholderData ? 0.6 : 1 }}
            >
              {data.items.map((entry) => (
                <SearchHistoryRow
                  key={entry.query}
                  entry={entry}
                  deleting={remove.isPending && remove.variables === entry.query}
                  onDelete={(query) => remove.mutate(query)}
                />
              ))}
            </List>
            <PageNumbers
              count={numberedPageCount(data.pagination, page, SEARCH_HISTORY_PAGE_SIZE)}
              page={page}
              onPage={setPage}
              label="Search history pages"
              testId="search-history-pages"
            />
          </Stack>
        )}
      </QueryStates>
      <ClearHistoryDialog open={confirmClear} onClose={() => setConfirmClear(false)} />
    </Stack>
  );
}
