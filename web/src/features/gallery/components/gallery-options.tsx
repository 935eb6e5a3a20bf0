import { useEffect, useState, type FormEvent } from 'react';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import type { GallerySort, GallerySourceScope } from '@genonaut/contracts';
import { ALL_SOURCES, SORTS, type GalleryState } from '../hooks/use-gallery-params';
import { TagFilter } from './tag-filter';

const SORT_LABELS: Record<GallerySort, string> = {
  newest: 'Newest',
  oldest: 'Oldest',
  top_rated: 'Top rated',
  quality: 'Quality',
  most_bookmarked: 'Most bookmarked',
};

const SOURCE_LABELS: Record<GallerySourceScope, string> = {
  'mine-regular': 'Your images',
  'mine-auto': 'Your auto-generated',
  'community-regular': 'Community images',
  'community-auto': 'Community auto-generated',
};

export function GalleryOptions({
  state,
  onChange,
  onSearch,
}: {
  state: GalleryState;
  onChange: (change: Partial<GalleryState>) => void;
  /** Told of each search submitted from the field (to remember it), not of every keystroke. */
  onSearch?: (query: string) => void;
}) {
  // The search runs on Enter, not per keystroke: every search is a URL (and history) entry.
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  const search = () => {
    const query = q.trim();
    onChange({ q: query });
    if (query) onSearch?.(query);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search();
  };
  const toggleSource = (source: GallerySourceScope, on: boolean) =>
    onChange({ sources: ALL_SOURCES.filter((s) => (s === source ? on : state.sources.includes(s))) });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="gallery-options">
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }} component="form" onSubmit={submit} role="search">
          <TextField
            fullWidth
            label="Search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onBlur={() => q.trim() !== state.q && search()}
            placeholder='e.g. castle "at dusk" tag:landscape steps:>=30'
            slotProps={{
              htmlInput: { 'data-testid': 'gallery-search', enterKeyHint: 'search' },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            select
            fullWidth
            label="Sort"
            value={state.sort}
            onChange={(event) => onChange({ sort: event.target.value as GallerySort })}
            slotProps={{ htmlInput: { 'data-testid': 'gallery-sort' } }}
          >
            {SORTS.map((sort) => (
              <MenuItem key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <FormControl component="fieldset">
            <FormLabel component="legend">Sources</FormLabel>
            <FormGroup row>
              {ALL_SOURCES.map((source) => (
                <FormControlLabel
                  key={source}
                  label={SOURCE_LABELS[source]}
                  control={
                    <Switch
                      checked={state.sources.includes(source)}
                      onChange={(event) => toggleSource(source, event.target.checked)}
                      slotProps={{ input: { 'data-testid': `source-${source}` } as object }}
                    />
                  }
                />
              ))}
            </FormGroup>
          </FormControl>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TagFilter value={state} onChange={onChange} />
        </Grid>
      </Grid>
    </Paper>
  );
}
