import { useEffect, useState } from 'react';
import type { FlaggedSort } from '@genonaut/contracts';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { sorts, type FlaggedFilters } from '../hooks/use-flagged-filters';

const sortLabels: Record<FlaggedSort, string> = {
  '-risk': 'Highest risk first',
  risk: 'Lowest risk first',
  '-created': 'Newest first',
  created: 'Oldest first',
};

/** Status, source, sort and a risk range; every change lands in the URL through `onChange`. */
export function FlaggedFiltersBar({
  filters,
  onChange,
}: {
  filters: FlaggedFilters;
  onChange: (changes: Partial<FlaggedFilters>) => void;
}) {
  // The slider moves freely and commits on release, so dragging does not fire a request per step.
  const [range, setRange] = useState<number[]>([filters.minRisk, filters.maxRisk]);
  useEffect(() => setRange([filters.minRisk, filters.maxRisk]), [filters.minRisk, filters.maxRisk]);
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      sx={{ gap: 2, flexWrap: 'wrap' }}
      data-testid="flagged-filters"
    >
      <FormControl size="small" sx={{ minWidth: 140 }}>
        <InputLabel id="flag-status-label">Status</InputLabel>
        <Select
          labelId="flag-status-label"
          label="Status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value })}
          data-testid="filter-status"
        >
          <MenuItem value="pending">Pending</MenuItem>
          <MenuItem value="approved">Approved</MenuItem>
          <MenuItem value="all">All</MenuItem>
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 140 }}>
        <InputLabel id="flag-source-label">Source</InputLabel>
        <Select
          labelId="flag-source-label"
          label="Source"
          value={filters.source}
          onChange={(e) => onChange({ source: e.target.value })}
          data-testid="filter-source"
        >
          <MenuItem value="any">Any source</MenuItem>
          <MenuItem value="regular">Regular</MenuItem>
          <MenuItem value="auto">Auto</MenuItem>
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id="flag-sort-label">Sort</InputLabel>
        <Select
          labelId="flag-sort-label"
          label="Sort"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.target.value })}
          data-testid="filter-sort"
        >
          {sorts.map((sort) => (
            <MenuItem key={sort} value={sort}>
              {sortLabels[sort]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Box sx={{ minWidth: 200, flex: 1, px: 1 }}>
        <Typography id="risk-range-label" variant="body2" color="text.secondary">
          Risk {range[0]}–{range[1]}
        </Typography>
        <Slider
          value={range}
          onChange={(_e, value) => setRange(Array.isArray(value) ? value : [value, value])}
          onChangeCommitted={(_e, value) => {
            const [min = 0, max = 100] = Array.isArray(value) ? value : [value, value];
            onChange({ minRisk: min, maxRisk: max });
          }}
          min={0}
          max={100}
          step={5}
          size="small"
          disableSwap
          getAriaLabel={(index) => (index === 0 ? 'Minimum risk' : 'Maximum risk')}
          data-testid="filter-risk"
        />
      </Box>
    </Stack>
  );
}
