import { Link as RouterLink } from 'react-router';
import Avatar from '@mui/material/Avatar';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemAvatar from '@mui/material/ListItemAvatar';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import type { ContentSummary } from '@genonaut/contracts';
import { paths } from '@/config/paths';

function details(item: ContentSummary): string {
  const parts = [
    item.creator.displayName ?? item.creator.username,
    new Date(item.createdAt).toLocaleDateString(),
    item.source === 'auto' ? 'auto' : 'regular',
  ];
  if (item.ratingCount > 0) parts.push(`★ ${item.ratingAvg.toFixed(1)} (${item.ratingCount})`);
  return parts.join(' · ');
}

export function ContentList({ items }: { items: ContentSummary[] }) {
  return (
    <List data-testid="gallery-list" aria-label="Images">
      {items.map((item) => {
        const thumb = item.thumbnails.small ?? item.image;
        return (
          <ListItem key={item.id} disablePadding data-testid="gallery-item">
            <ListItemButton component={RouterLink} to={paths.contentItem.href(item.id)}>
              <ListItemAvatar sx={{ mr: 2 }}>
                <Avatar variant="rounded" src={thumb?.url} alt={item.title} sx={{ width: 64, height: 64 }} />
              </ListItemAvatar>
              <ListItemText
                primary={item.title}
                secondary={
                  <>
                    {details(item)}
                    <br />
                    {item.promptPreview}
                  </>
                }
                slotProps={{ secondary: { noWrap: true } }}
              />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
}

export function ContentListSkeleton({ count = 8 }: { count?: number }) {
  return (
    <List data-testid="gallery-loading" role="status" aria-label="Loading images">
      {Array.from({ length: count }, (_, index) => (
        <ListItem key={index}>
          <Skeleton variant="rounded" width={64} height={64} sx={{ mr: 2, flexShrink: 0 }} />
          <ListItemText primary={<Skeleton width="40%" />} secondary={<Skeleton width="70%" />} />
        </ListItem>
      ))}
    </List>
  );
}
