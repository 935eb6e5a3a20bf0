import { Link as RouterLink } from 'react-router';
import type { FlaggedItem } from '@genonaut/contracts';
import Avatar from '@mui/material/Avatar';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ImageIcon from '@mui/icons-material/ImageOutlined';
import { paths } from '@/config/paths';
import { formatRisk, riskColor } from '../utils/risk';

/** One entry of the queue: select box, thumbnail, title (opens the review), words, risk, status, date. */
export function FlaggedRow({
  item,
  selected,
  onToggle,
  hideThreshold,
}: {
  item: FlaggedItem;
  selected: boolean;
  onToggle: (id: number) => void;
  hideThreshold: number;
}) {
  const thumb = item.content.thumbnails.small ?? item.content.image;
  return (
    <ListItem
      divider
      data-testid="flagged-row"
      data-flag-id={item.id}
      sx={{ alignItems: 'flex-start', gap: 1.5, px: 1 }}
    >
      <Checkbox
        checked={selected}
        onChange={() => onToggle(item.id)}
        slotProps={{ input: { 'aria-label': `Select “${item.content.title}”` } }}
        sx={{ p: 0.5 }}
        data-testid="flagged-select"
      />
      <Avatar variant="rounded" src={thumb?.url} alt="" sx={{ width: 56, height: 56 }}>
        <ImageIcon />
      </Avatar>
      <Stack spacing={0.5} sx={{ minWidth: 0, flex: 1 }}>
        <Link
          component={RouterLink}
          to={paths.adminFlaggedItem.href(item.id)}
          sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}
          data-testid="flagged-open"
        >
          {item.content.title}
        </Link>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }} aria-label="Flagged words">
          {item.flaggedWords.map((word) => (
            <Chip key={word} label={word} size="small" variant="outlined" data-testid="flagged-word" />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          by {item.content.creator.displayName ?? item.content.creator.username} · {item.content.source} ·{' '}
          <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleDateString()}</time>
        </Typography>
      </Stack>
      <Stack spacing={0.5} sx={{ alignItems: 'flex-end', flexShrink: 0 }}>
        <Chip
          label={`Risk ${formatRisk(item.riskScore)}`}
          color={riskColor(item.riskScore, hideThreshold)}
          size="small"
          data-testid="flagged-risk"
        />
        <Chip
          label={item.status}
          size="small"
          color={item.status === 'approved' ? 'success' : 'default'}
          variant="outlined"
          data-testid="flagged-status"
        />
      </Stack>
    </ListItem>
  );
}
