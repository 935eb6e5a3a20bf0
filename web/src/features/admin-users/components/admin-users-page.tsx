import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import type { CurrentUser } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { PageNumbers } from '@/components/page-numbers';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { numberedPageCount } from '@/lib/page-count';
import { ADMIN_USERS_PAGE_SIZE, useAdminUsers } from '../api/get-admin-users';
import { useUpdateAdminUser } from '../api/update-admin-user';
import { useAdminUsersParams } from '../hooks/use-admin-users-params';
import { DeactivateUserDialog } from './deactivate-user-dialog';
import { UserRow } from './user-row';

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <Stack component="form" direction="row" spacing={1} onSubmit={submit} role="search">
      <TextField
        size="small"
        label="Search by name or email"
        value={text}
        onChange={(event) => setText(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'admin-users-search' } }}
        sx={{ flexGrow: 1, maxWidth: 420 }}
      />
      <Button type="submit" variant="outlined" startIcon={<SearchIcon />}>
        Search
      </Button>
    </Stack>
  );
}

/** `selfId` is the signed-in administrator, whose own row offers no demotion or deactivation. */
export function AdminUsersPage({ selfId }: { selfId: string | null }) {
  const { q, page, setQuery, setPage } = useAdminUsersParams();
  const users = useAdminUsers({ q, page });
  const update = useUpdateAdminUser();
  const [confirming, setConfirming] = useState<CurrentUser | null>(null);
  const busyId = update.isPending ? update.variables.id : null;

  return (
    <Stack spacing={2} data-testid="admin-users-page">
      <Typography variant="h1">Users</Typography>
      <SearchForm key={q} initial={q} onSearch={setQuery} />
      <MutationError
        error={update.error}
        message="Could not change the user"
        testId="admin-users-update-error"
      />
      <QueryStates
        query={users}
        loading={
          <Stack spacing={1} role="status" aria-label="Loading users" data-testid="admin-users-loading">
            {[0, 1, 2].map((key) => (
              <Skeleton key={key} variant="rounded" height={48} />
            ))}
          </Stack>
        }
        errorTestId="admin-users-error"
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={q ? `No user matches “${q}”` : 'No users'} testId="admin-users-empty" />}
      >
        {(data) => (
          <>
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label="Users" data-testid="admin-users-table">
                <TableHead>
                  <TableRow>
                    <TableCell>User</TableCell>
                    <TableCell>Email</TableCell>
                    <TableCell>Role</TableCell>
                    <TableCell>Active</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Joined</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.items.map((user) => (
                    <UserRow
                      key={user.id}
                      user={user}
                      isSelf={user.id === selfId}
                      busy={busyId === user.id}
                      onChange={(change) => update.mutate({ id: user.id, change })}
                      onDeactivate={() => setConfirming(user)}
                    />
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            <Typography variant="body2" color="text.secondary" data-testid="admin-users-total">
              {data.pagination.totalCount ?? data.items.length} users
            </Typography>
            <PageNumbers
              count={numberedPageCount(data.pagination, page, ADMIN_USERS_PAGE_SIZE)}
              page={page}
              onPage={setPage}
              label="Pages of users"
              testId="admin-users-pages"
            />
          </>
        )}
      </QueryStates>
      <DeactivateUserDialog
        user={confirming}
        onCancel={() => setConfirming(null)}
        onConfirm={(user) => {
          setConfirming(null);
          update.mutate({ id: user.id, change: { isActive: false } });
        }}
      />
    </Stack>
  );
}
