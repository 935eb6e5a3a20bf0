import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import PushPinIcon from '@mui/icons-material/PushPin';
import type { Bookmark } from '@genonaut/contracts';
import { paths } from '@/config/paths';

export type BookmarkAction = 'move' | 'remove';

const gridSx = {
  display: 'grid',
  gap: 1.5,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(160px, 45%), 1fr))',
  m: 0,
  p: 0,
  listStyle: 'none',
} as const;

const tileSx = {
  display: 'block',
  aspectRatio: '1',
  overflow: 'hidden',
  borderRadius: 2,
  bgcolor: 'action.hover',
} as const;

function BookmarkTile({
  bookmark,
  onAction,
}: {
  bookmark: Bookmark;
  onAction: (action: BookmarkAction, bookmark: Bookmark) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { content } = bookmark;
  const thumb = content.thumbnails.medium ?? content.thumbnails.small ?? content.image;
  const pick = (action: BookmarkAction) => {
    setAnchor(null);
    onAction(action, bookmark);
  };
  return (
    <li data-testid="bookmark-item" data-bookmark-id={bookmark.id}>
      <Box component={RouterLink} to={paths.contentItem.href(content.id)} sx={tileSx}>
        {thumb && (
          <Box
            component="img"
            src={thumb.url}
            alt={content.title}
            loading="lazy"
            sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
          />
        )}
      </Box>
      <Stack direction="row" sx={{ alignItems: 'center', minWidth: 0 }}>
        {bookmark.pinned && (
          <Tooltip title="Pinned">
            <PushPinIcon fontSize="small" color="action" aria-label="Pinned" data-testid="bookmark-pinned" />
          </Tooltip>
        )}
        <Typography variant="body2" noWrap sx={{ flex: 1, minWidth: 0, px: 0.5 }} title={content.title}>
          {content.title}
        </Typography>
        <IconButton
          size="small"
          aria-label={`Actions for ${content.title}`}
          aria-haspopup="menu"
          onClick={(event) => setAnchor(event.currentTarget)}
          data-testid="bookmark-actions"
        >
          <MoreVertIcon fontSize="small" />
        </IconButton>
        <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
          <MenuItem onClick={() => pick('move')} data-testid="bookmark-move">
            Move or copy…
          </MenuItem>
          <MenuItem onClick={() => pick('remove')} data-testid="bookmark-remove">
            Remove bookmark…
          </MenuItem>
        </Menu>
      </Stack>
    </li>
  );
}

/** Bookmarked images as square tiles, each with its title and a menu of what can be done to it. */
export function BookmarkGrid({
  bookmarks,
  busy,
  label,
  onAction,
}: {
  bookmarks: Bookmark[];
  busy: boolean;
  label: string;
  onAction: (action: BookmarkAction, bookmark: Bookmark) => void;
}) {
  return (
    <Box
      component="ul"
      sx={{ ...gridSx, opacity: busy ? 0.6 : 1 }}
      aria-label={label}
      aria-busy={busy || undefined}
      data-testid="bookmark-grid"
    >
      {bookmarks.map((bookmark) => (
        <BookmarkTile key={bookmark.id} bookmark={bookmark} onAction={onAction} />
      ))}
    </Box>
  );
}
