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
import type { FlaggedFilters, SourceFilter, StatusFilter } from '../hooks/use-flagged-filters';

const statusLabels: Record<StatusFilter, string> = { pending: 'Pending', approved: 'Approved', all: 'All' };
const sourceLabels: Record<SourceFilter, string> = { any: 'Any source', regular: 'Regular', auto: 'Auto' };
const sortLabels: Record<FlaggedSort, string> = {
  '-risk': 'Highest risk first',
  risk: 'Lowest risk first',
  '-created': 'Newest first',
  created: 'Oldest first',
};

/** One labelled dropdown over a fixed set of values (in the order of `options`). */
function FilterSelect<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
  minWidth = 140,
}: {
  name: string;
  label: string;
  value: T;
  options: Record<T, string>;
  onChange: (value: T) => void;
  minWidth?: number;
}) {
  const values = Object.keys(options) as T[];
  return (
    <FormControl size="small" sx={{ minWidth }}>
      <InputLabel id={`flag-${name}-label`}>{label}</InputLabel>
      <Select
        labelId={`flag-${name}-label`}
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        data-testid={`filter-${name}`}
      >
        {values.map((v) => (
          <MenuItem key={v} value={v}>
            {options[v]}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

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
      <FilterSelect
        name="status"
        label="Status"
        value={filters.status}
        options={statusLabels}
        onChange={(status) => onChange({ status })}
      />
      <FilterSelect
        name="source"
        label="Source"
        value={filters.source}
        options={sourceLabels}
        onChange={(source) => onChange({ source })}
      />
      <FilterSelect
        name="sort"
        label="Sort"
        value={filters.sort}
        options={sortLabels}
        onChange={(sort) => onChange({ sort })}
        minWidth={180}
      />
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
