import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { BookmarkSort } from '@genonaut/contracts';
import { SORTS, type BookmarkParams } from '../hooks/use-bookmark-params';

/** Sort and direction; pinned bookmarks come first whatever is chosen (the API's rule). */
export function BookmarkSortControls({
  state,
  onChange,
}: {
  state: BookmarkParams;
  onChange: (change: Partial<BookmarkParams>) => void;
}) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
      <TextField
        select
        size="small"
        label="Sort by"
        value={state.sort}
        onChange={(event) => onChange({ sort: event.target.value as BookmarkSort })}
        sx={{ minWidth: 220 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'bookmark-sort' } as object } }}
      >
        {SORTS.map((entry) => (
          <MenuItem key={entry.value} value={entry.value}>
            {entry.label}
          </MenuItem>
        ))}
      </TextField>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={state.order}
        onChange={(_event, order: 'asc' | 'desc' | null) => order && onChange({ order })}
        aria-label="Order"
        data-testid="bookmark-order"
      >
        <ToggleButton value="desc">{state.sort === 'title' ? 'Z–A' : 'High / new first'}</ToggleButton>
        <ToggleButton value="asc">{state.sort === 'title' ? 'A–Z' : 'Low / old first'}</ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  );
}
