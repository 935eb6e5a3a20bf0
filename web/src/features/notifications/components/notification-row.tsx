import { Link as RouterLink } from 'react-router';
import IconButton from '@mui/material/IconButton';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import MarkReadIcon from '@mui/icons-material/MarkEmailReadOutlined';
import MarkUnreadIcon from '@mui/icons-material/MarkEmailUnreadOutlined';
import type { Notification } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { formatNotificationTime } from '../utils/notification-types';
import { NotificationTypeIcon } from './notification-type-icon';

/** One notification: opens its detail; read toggle and delete at the end. Unread rows are bold. */
export function NotificationRow({
  notification,
  busy,
  onSetRead,
  onDelete,
}: {
  notification: Notification;
  busy: boolean;
  onSetRead: (read: boolean) => void;
  onDelete: () => void;
}) {
  const unread = notification.readAt === null;
  const readLabel = unread ? 'Mark read' : 'Mark unread';
  return (
    <ListItem
      disablePadding
      divider
      data-testid={`notification-${notification.id}`}
      data-unread={unread}
      secondaryAction={
        <Stack direction="row">
          <Tooltip title={readLabel}>
            <IconButton
              aria-label={`${readLabel}: ${notification.title}`}
              data-testid="notification-toggle-read"
              disabled={busy}
              onClick={() => onSetRead(unread)}
            >
              {unread ? <MarkReadIcon /> : <MarkUnreadIcon />}
            </IconButton>
          </Tooltip>
          <Tooltip title="Delete">
            <IconButton
              aria-label={`Delete: ${notification.title}`}
              data-testid="notification-delete"
              disabled={busy}
              onClick={onDelete}
            >
              <DeleteIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      }
      sx={{ '& .MuiListItemButton-root': { pr: 12 } }}
    >
      <ListItemButton component={RouterLink} to={paths.notification.href(notification.id)}>
        <ListItemIcon sx={{ minWidth: 40 }}>
          <NotificationTypeIcon type={notification.type} />
        </ListItemIcon>
        <ListItemText
          primary={notification.title}
          secondary={
            <>
              {notification.message}
              <br />
              <time dateTime={notification.createdAt}>{formatNotificationTime(notification.createdAt)}</time>
            </>
          }
          slotProps={{
            primary: { fontWeight: unread ? 700 : 400, 'data-testid': 'notification-title' } as object,
            secondary: { sx: { overflowWrap: 'anywhere' } },
          }}
        />
      </ListItemButton>
    </ListItem>
  );
}
