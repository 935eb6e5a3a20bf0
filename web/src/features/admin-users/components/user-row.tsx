import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Switch from '@mui/material/Switch';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { AdminUpdateUserBody, CurrentUser } from '@genonaut/contracts';

/**
 * One account: role and active switch change it at once, except deactivation, which the page confirms
 * first. Your own row cannot demote or deactivate you (the API refuses too).
 */
export function UserRow({
  user,
  isSelf,
  busy,
  onChange,
  onDeactivate,
}: {
  user: CurrentUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: AdminUpdateUserBody) => void;
  onDeactivate: () => void;
}) {
  const selfNote = isSelf ? 'You cannot demote or deactivate yourself' : '';
  return (
    <TableRow data-testid="admin-user-row" data-user-id={user.id} data-active={user.isActive}>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {user.username}
          {isSelf ? ' (you)' : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {user.displayName ?? ''}
        </Typography>
      </TableCell>
      <TableCell sx={{ wordBreak: 'break-all' }}>{user.email}</TableCell>
      <TableCell>
        <Tooltip title={selfNote}>
          <span>
            <Select
              size="small"
              value={user.role}
              disabled={busy || isSelf}
              onChange={(event) => onChange({ role: event.target.value === 'admin' ? 'admin' : 'user' })}
              inputProps={{ 'aria-label': `Role of ${user.username}`, 'data-testid': 'admin-user-role' }}
            >
              <MenuItem value="user">User</MenuItem>
              <MenuItem value="admin">Admin</MenuItem>
            </Select>
          </span>
        </Tooltip>
      </TableCell>
      <TableCell>
        <Tooltip title={selfNote}>
          <span>
            <Switch
              checked={user.isActive}
              disabled={busy || isSelf}
              onChange={(event) => (event.target.checked ? onChange({ isActive: true }) : onDeactivate())}
              slotProps={{
                input: {
                  'aria-label': `${user.username} is active`,
                  'data-testid': 'admin-user-active',
                } as object,
              }}
            />
          </span>
        </Tooltip>
      </TableCell>
      <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
        {new Date(user.createdAt).toLocaleDateString()}
      </TableCell>
    </TableRow>
  );
}
