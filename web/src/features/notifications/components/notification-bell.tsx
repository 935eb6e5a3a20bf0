import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Badge from '@mui/material/Badge';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import type { Notification } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { useRealtimeMessages } from '@/hooks/use-realtime';
import { useUnreadCount } from '../api/get-unread-count';

const KEEP = 8;

/** The bell with the live unread count; its menu lists what arrived since the page was opened. */
export function NotificationBell() {
  const count = useUnreadCount();
  const [recent, setRecent] = useState<Notification[]>([]);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  useRealtimeMessages((message) => {
    if (message.type === 'notification') setRecent((list) => [message.notification, ...list].slice(0, KEEP));
  });

  const label = count ? `Notifications, ${count} unread` : 'Notifications';
  return (
    <>
      <Tooltip title="Notifications">
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="menu"
          data-testid="notification-bell"
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge
            badgeContent={count ?? 0}
            color="error"
            max={99}
            data-testid="unread-count"
            data-count={count ?? 0}
          >
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {recent.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary="No new notifications since you opened the app" />
          </MenuItem>
        )}
        {recent.map((notification) => (
          <MenuItem
            key={notification.id}
            component={RouterLink}
            to={paths.notification.href(notification.id)}
            onClick={() => setAnchor(null)}
          >
            <ListItemText primary={notification.title} secondary={notification.message} />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          component={RouterLink}
          to={paths.notifications.href()}
          onClick={() => setAnchor(null)}
          data-testid="notification-bell-all"
        >
          <ListItemText primary="See all notifications" />
        </MenuItem>
      </Menu>
    </>
  );
}
