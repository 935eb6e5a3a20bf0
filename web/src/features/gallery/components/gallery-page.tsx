import { useState } from 'react';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import TuneIcon from '@mui/icons-material/Tune';
import type { Pagination } from '@genonaut/contracts';
import { EmptyState, ErrorState } from '@/components/state-message';
import { useGallery } from '@/api/get-gallery';
import { ALL_SOURCES, PAGE_SIZE, toGalleryQuery, useGalleryParams } from '../hooks/use-gallery-params';
import { GalleryOptions } from './gallery-options';
import { GalleryPager } from './gallery-pager';
import { GalleryItems, GallerySkeleton } from './gallery-results';
import { InfiniteResults } from './infinite-results';
import { ViewControls } from './view-controls';

function countLabel(info: Pagination | undefined): string {
  if (info?.totalCount === undefined) return '';
  const n = info.totalCount.toLocaleString();
  return info.totalCountIsEstimate
    ? `about ${n} images`
    : `${n} ${info.totalCount === 1 ? 'image' : 'images'}`;
}

/** `onSearch` hears each search submitted from the options' field (the route records it). */
export function GalleryPage({ onSearch }: { onSearch?: (query: string) => void }) {
  const { state, update } = useGalleryParams();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [optionsOpen, setOptionsOpen] = useState(false);
  const paged = state.mode === 'pages';
  // With every source off nothing can match: the page says so without asking the API.
  const anySource = state.sources.length > 0;
  const result = useGallery(toGalleryQuery(state), paged && anySource);
  const { page: _page, ...infiniteQuery } = toGalleryQuery(state, false);

  return (
    <Stack spacing={2} data-testid="gallery-page">
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
          <Typography variant="h1">Gallery</Typography>
          {paged && (
            <Typography color="text.secondary" data-testid="gallery-count">
              {countLabel(result.data?.pagination)}
            </Typography>
          )}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          {!wide && (
            <Button
              startIcon={<TuneIcon />}
              onClick={() => setOptionsOpen(!optionsOpen)}
              aria-expanded={optionsOpen}
              data-testid="gallery-options-toggle"
            >
              Options
            </Button>
          )}
          <ViewControls state={state} onChange={update} />
        </Stack>
      </Stack>
      <Collapse in={wide || optionsOpen}>
        <GalleryOptions state={state} onChange={update} onSearch={onSearch} />
      </Collapse>
      {!anySource ? (
        <EmptyState title="All sources are switched off" testId="gallery-empty">
          <Typography color="text.secondary">
            Turn on at least one source in the options to see images.
          </Typography>
          <Button
            variant="contained"
            onClick={() => update({ sources: [...ALL_SOURCES] })}
            data-testid="gallery-all-sources"
          >
            Turn all sources on
          </Button>
        </EmptyState>
      ) : paged ? (
        result.isPending ? (
          <GallerySkeleton view={state.view} size={state.size} />
        ) : result.isError ? (
          <ErrorState error={result.error} onRetry={() => void result.refetch()} testId="gallery-error" />
        ) : result.data.items.length === 0 ? (
          <EmptyState title="No images match" testId="gallery-empty">
            <Typography color="text.secondary">Try fewer words, other tags or more sources.</Typography>
          </EmptyState>
        ) : (
          <>
            <GalleryItems items={result.data.items} view={state.view} size={state.size} />
            <GalleryPager
              page={state.page}
              pageSize={PAGE_SIZE}
              info={result.data.pagination}
              onPage={(page) => {
                update({ page });
                window.scrollTo({ top: 0 });
              }}
            />
          </>
        )
      ) : (
        <InfiniteResults query={infiniteQuery} view={state.view} size={state.size} />
      )}
    </Stack>
  );
}
