import { Link as RouterLink, useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { Notification } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-error';
import { useDeleteNotification } from '../api/delete-notification';
import { useNotification } from '../api/get-notification';
import { useSetNotificationRead } from '../api/set-notification-read';
import { formatNotificationTime, notificationTypeLabel } from '../utils/notification-types';
import { NotificationTypeIcon } from './notification-type-icon';

/** Where the notification points: the item it made, else the job in the generation history. */
function RelatedLink({ notification }: { notification: Notification }) {
  if (notification.relatedContentId !== null) {
    return (
      <Link
        component={RouterLink}
        to={paths.contentItem.href(notification.relatedContentId)}
        data-testid="notification-related"
      >
        Open the image
      </Link>
    );
  }
  if (notification.relatedJobId !== null) {
    return (
      <Link
        component={RouterLink}
        to={`${paths.generate.href()}?tab=history`}
        data-testid="notification-related"
      >
        See job #{notification.relatedJobId} in the generation history
      </Link>
    );
  }
  return null;
}

function BackLink() {
  return (
    <Button
      component={RouterLink}
      to={paths.notifications.href()}
      startIcon={<ArrowBackIcon />}
      sx={{ alignSelf: 'flex-start' }}
    >
      All notifications
    </Button>
  );
}

/** Opening a notification reads it (see get-notification); it can be marked unread again here. */
export function NotificationDetailPage({ id }: { id: number }) {
  const navigate = useNavigate();
  const notification = useNotification(id);
  const setRead = useSetNotificationRead();
  const remove = useDeleteNotification();

  const missing =
    !Number.isInteger(id) ||
    id < 1 ||
    (isApiError(notification.error) && [400, 404].includes(notification.error.status));
  if (missing) {
    return (
      <EmptyState title="No such notification" testId="notification-not-found">
        <Typography color="text.secondary">It may have been deleted.</Typography>
        <BackLink />
      </EmptyState>
    );
  }
  if (notification.isPending) {
    return (
      <Stack spacing={2} role="status" aria-label="Loading notification" data-testid="notification-loading">
        <Skeleton variant="text" width="50%" height={48} />
        <Skeleton variant="rounded" height={120} />
      </Stack>
    );
  }
  if (notification.isError) {
    return (
      <ErrorState
        error={notification.error}
        onRetry={() => void notification.refetch()}
        testId="notification-error"
      />
    );
  }

  const { data } = notification;
  const unread = data.readAt === null;
  return (
    <Stack spacing={2} data-testid="notification-detail" data-unread={unread}>
      <BackLink />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <NotificationTypeIcon type={data.type} />
            <Chip size="small" label={notificationTypeLabel(data.type)} data-testid="notification-type" />
            <Typography color="text.secondary" component="time" dateTime={data.createdAt}>
              {formatNotificationTime(data.createdAt)}
            </Typography>
          </Stack>
          <Typography variant="h1" sx={{ overflowWrap: 'anywhere' }} data-testid="notification-title">
            {data.title}
          </Typography>
          <Typography
            sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="notification-message"
          >
            {data.message}
          </Typography>
          <RelatedLink notification={data} />
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Button
              variant="outlined"
              disabled={setRead.isPending}
              onClick={() => setRead.mutate({ id: data.id, read: unread })}
              data-testid="notification-toggle-read"
            >
              {unread ? 'Mark read' : 'Mark unread'}
            </Button>
            <Button
              color="error"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(data.id, { onSuccess: () => void navigate(paths.notifications.href()) })
              }
              data-testid="notification-delete"
            >
              Delete
            </Button>
          </Stack>
          <MutationError error={setRead.error} message="Could not change it" testId="set-read-error" />
          <MutationError error={remove.error} message="Could not delete it" testId="delete-error" />
        </Stack>
      </Paper>
    </Stack>
  );
}
