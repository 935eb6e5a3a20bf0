import type { HTMLAttributes } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import CloseIcon from '@mui/icons-material/Close';
import HistoryIcon from '@mui/icons-material/History';

/**
 * One suggestion with a button to forget it. The option is named by its query alone; the button is
 * for the mouse (focus stays in the input, as a combobox wants), Shift+Delete is its keyboard twin.
 */
export function RecentSearchOption({
  query,
  onRemove,
  ...props
}: HTMLAttributes<HTMLLIElement> & { query: string; onRemove: (query: string) => void }) {
  return (
    <Box component="li" {...props} aria-label={query} data-testid="recent-search">
      <HistoryIcon fontSize="small" sx={{ mr: 1, color: 'text.secondary' }} aria-hidden />
      <Box component="span" sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {query}
      </Box>
      <IconButton
        size="small"
        tabIndex={-1}
        aria-label={`Remove "${query}" from recent searches`}
        data-testid="recent-search-remove"
        // Neither choose the option nor take the focus from the input.
        onMouseDown={(event) => event.preventDefault()}
        onClick={(event) => {
          event.stopPropagation();
          onRemove(query);
        }}
      >
        <CloseIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}
