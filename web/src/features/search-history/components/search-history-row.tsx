import { Link as RouterLink } from 'react-router';
import type { SearchHistoryEntry } from '@genonaut/contracts';
import IconButton from '@mui/material/IconButton';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import SearchIcon from '@mui/icons-material/Search';
import { paths } from '@/config/paths';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The gallery searching `query`, in the gallery's own parameter name. */
const galleryHref = (query: string) => paths.gallery.href(new URLSearchParams({ q: query }));

/** One distinct query: how often and when last it was searched, search it again or forget it. */
export function SearchHistoryRow({
  entry,
  deleting,
  onDelete,
}: {
  entry: SearchHistoryEntry;
  deleting: boolean;
  onDelete: (query: string) => void;
}) {
  const times = entry.count === 1 ? 'once' : `${entry.count.toLocaleString()} times`;
  return (
    <ListItem
      divider
      data-testid="search-history-row"
      data-query={entry.query}
      secondaryAction={
        <Stack direction="row" spacing={0.5}>
          <Tooltip title="Search again">
            <IconButton
              component={RouterLink}
              to={galleryHref(entry.query)}
              aria-label={`Search again for "${entry.query}"`}
              data-testid="search-again"
            >
              <SearchIcon />
            </IconButton>
          </Tooltip>
          <Tooltip title="Delete from history">
            <IconButton
              edge="end"
              aria-label={`Delete "${entry.query}" from history`}
              onClick={() => onDelete(entry.query)}
              disabled={deleting}
              data-testid="delete-search"
            >
              <DeleteIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      }
      // Room for the two buttons, so a long query wraps before them.
      sx={{ pr: 13 }}
    >
      <ListItemText
        primary={entry.query}
        secondary={
          <>
            <span data-testid="search-count">Searched {times}</span>
            {' · last '}
            <time dateTime={entry.lastUsedAt} data-testid="search-last-used">
              {dateFormat.format(new Date(entry.lastUsedAt))}
            </time>
          </>
        }
        slotProps={{ primary: { sx: { overflowWrap: 'anywhere' }, 'data-testid': 'search-query' } as object }}
      />
    </ListItem>
  );
}
