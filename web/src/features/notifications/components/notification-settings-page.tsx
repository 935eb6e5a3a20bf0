import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { MutationError } from '@/components/mutation-error';
import { QueryStates } from '@/components/query-states';
import { paths } from '@/config/paths';
import { useNotificationSettings } from '../api/get-notification-settings';
import { useUpdateNotificationSettings } from '../api/update-notification-settings';
import { NOTIFICATION_TYPES } from '../utils/notification-types';

/**
 * The notifications section of the settings: one switch per type, saved as soon as it moves.
 * `embedded` under the settings page's own heading, its title is a section heading.
 */
export function NotificationSettingsPage({ embedded = false }: { embedded?: boolean }) {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  return (
    <Stack
      spacing={2}
      data-testid="notification-settings"
      component="section"
      aria-labelledby="notification-settings-title"
    >
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Typography
          variant={embedded ? 'h2' : 'h1'}
          component={embedded ? 'h2' : 'h1'}
          id="notification-settings-title"
        >
          Notification settings
        </Typography>
        <Button component={RouterLink} to={paths.notifications.href()}>
          Notifications
        </Button>
      </Stack>
      <Typography color="text.secondary">
        Types switched off are neither stored nor pushed to you from then on.
      </Typography>
      <MutationError error={update.error} message="Could not save the setting" testId="settings-save-error" />
      <QueryStates
        query={settings}
        errorTestId="notification-settings-error"
        loading={
          <Stack
            spacing={1}
            role="status"
            aria-label="Loading settings"
            data-testid="notification-settings-loading"
          >
            {NOTIFICATION_TYPES.map(({ type }) => (
              <Skeleton key={type} variant="rounded" height={56} />
            ))}
          </Stack>
        }
      >
        {(data) => (
          <Paper variant="outlined">
            <List disablePadding>
              {NOTIFICATION_TYPES.map(({ type, label, description }) => {
                const labelId = `notification-setting-${type}-label`;
                return (
                  <ListItem
                    key={type}
                    divider
                    secondaryAction={
                      <Switch
                        edge="end"
                        checked={data[type]}
                        onChange={(event) => update.mutate({ [type]: event.target.checked })}
                        slotProps={{
                          input: {
                            'aria-labelledby': labelId,
                            'data-testid': `notification-setting-${type}`,
                          } as object,
                        }}
                      />
                    }
                  >
                    <ListItemText id={labelId} primary={label} secondary={description} sx={{ pr: 4 }} />
                  </ListItem>
                );
              })}
            </List>
          </Paper>
        )}
      </QueryStates>
    </Stack>
  );
}
