import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import DoneAllIcon from '@mui/icons-material/DoneAllOutlined';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import { MutationError } from '@/components/mutation-error';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useDeleteNotification } from '../api/delete-notification';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useSetNotificationRead } from '../api/set-notification-read';
import { useLiveNotifications } from '../hooks/use-live-notifications';
import { useNotificationsParams } from '../hooks/use-notifications-params';
import { NotificationRow } from './notification-row';

function ListSkeleton() {
  return (
    <Stack spacing={1} role="status" aria-label="Loading notifications" data-testid="notifications-loading">
      {[0, 1, 2].map((key) => (
        <Skeleton key={key} variant="rounded" height={64} />
      ))}
    </Stack>
  );
}

export function NotificationsPage() {
  const { unreadOnly, setUnreadOnly } = useNotificationsParams();
  const list = useNotifications(unreadOnly);
  const unread = useUnreadCount();
  const setRead = useSetNotificationRead();
  const remove = useDeleteNotification();
  const markAll = useMarkAllNotificationsRead();
  useLiveNotifications();

  const busyId = setRead.isPending ? setRead.variables.id : remove.isPending ? remove.variables : null;

  return (
    <Stack spacing={2} data-testid="notifications-page">
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Typography variant="h1">Notifications</Typography>
        <Button component={RouterLink} to={paths.notificationSettings.href()} startIcon={<SettingsIcon />}>
          Settings
        </Button>
      </Stack>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <FormControlLabel
          control={
            <Switch
              checked={unreadOnly}
              onChange={(event) => setUnreadOnly(event.target.checked)}
              slotProps={{ input: { 'data-testid': 'notifications-unread-only' } as object }}
            />
          }
          label="Unread only"
        />
        <Typography color="text.secondary" data-testid="notifications-unread-count" sx={{ flexGrow: 1 }}>
          {unread === null ? '' : `${unread} unread`}
        </Typography>
        <Button
          variant="outlined"
          startIcon={<DoneAllIcon />}
          onClick={() => markAll.mutate()}
          disabled={markAll.isPending || unread === 0}
          data-testid="notifications-mark-all-read"
        >
          Mark all read
        </Button>
      </Stack>
      <MutationError error={markAll.error} message="Could not mark all read" testId="mark-all-error" />
      <MutationError error={setRead.error} message="Could not change it" testId="set-read-error" />
      <MutationError error={remove.error} message="Could not delete it" testId="delete-error" />
      {list.isPending ? (
        <ListSkeleton />
      ) : !list.data ? (
        // An error with nothing to show; one after "Load more" keeps the pages already shown.
        <ErrorState error={list.error} onRetry={() => void list.refetch()} testId="notifications-error" />
      ) : list.data.pages.every((page) => page.items.length === 0) ? (
        <EmptyState
          title={unreadOnly ? 'No unread notifications' : 'No notifications yet'}
          testId="notifications-empty"
        >
          <Typography color="text.secondary">
            You are told here when a job finishes, fails or is cancelled, and about news for you.
          </Typography>
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          <List disablePadding aria-label="Notifications" data-testid="notifications-list">
            {list.data.pages.flatMap((page) =>
              page.items.map((notification) => (
                <NotificationRow
                  key={notification.id}
                  notification={notification}
                  busy={busyId === notification.id}
                  onSetRead={(read) => setRead.mutate({ id: notification.id, read })}
                  onDelete={() => remove.mutate(notification.id)}
                />
              )),
            )}
          </List>
        </Paper>
      )}
      {list.hasNextPage && (
        <Button
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
          data-testid="notifications-load-more"
          sx={{ alignSelf: 'center' }}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
      {list.isFetchNextPageError && (
        <MutationError error={list.error} message="Could not load more" testId="load-more-error" />
      )}
    </Stack>
  );
}
