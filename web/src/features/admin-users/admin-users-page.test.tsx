import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminUsersApi, makeUsers } from '@/testing/admin-users-handlers';
import { makeUser } from '@/testing/fixtures';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const admin = makeUser({ role: 'admin', username: 'root', email: 'root@example.com' });
const row = (username: string) =>
  screen
    .getAllByTestId('admin-user-row')
    .find((r) => r.querySelector('p')?.textContent?.replace(' (you)', '') === username) ?? null;
const usernames = () =>
  screen.getAllByTestId('admin-user-row').map((r) => r.querySelector('p')?.textContent ?? '');

describe('admin users page', () => {
  it('lists users with paging kept in the URL', async () => {
    const users = adminUsersApi([admin, ...makeUsers(30)], admin.id);
    server.use(...signedIn(admin), ...users.handlers);
    const { router } = renderApp('/admin/users');
    await screen.findByTestId('admin-users-table');
    expect(usernames()).toHaveLength(25);
    expect(screen.getByTestId('admin-users-total')).toHaveTextContent('31 users');
    await userEvent.setup().click(within(screen.getByTestId('admin-users-pages')).getByText('2'));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/users?page=2'));
    await waitFor(() => expect(usernames()).toHaveLength(6));
    expect(users.queries.at(-1)?.get('page')).toBe('2');
  });

  it('searches by name or email', async () => {
    const users = adminUsersApi([admin, ...makeUsers(12)], admin.id);
    server.use(...signedIn(admin), ...users.handlers);
    const { router } = renderApp('/admin/users?page=1');
    await screen.findByTestId('admin-users-table');
    const user = userEvent.setup();
    await user.type(screen.getByTestId('admin-users-search'), 'user11{Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/users?q=user11'));
    await waitFor(() => expect(usernames()).toEqual(['user11']));
    expect(users.queries.at(-1)?.get('q')).toBe('user11');

    await user.clear(screen.getByTestId('admin-users-search'));
    await user.type(screen.getByTestId('admin-users-search'), 'nobody{Enter}');
    expect(await screen.findByTestId('admin-users-empty')).toHaveTextContent('No user matches “nobody”');
  });

  it('changes a role at once and confirms before deactivating', async () => {
    const users = adminUsersApi([admin, ...makeUsers(2)], admin.id);
    server.use(...signedIn(admin), ...users.handlers);
    renderApp('/admin/users');
    await screen.findByTestId('admin-users-table');
    const user = userEvent.setup();

    await user.click(within(row('user1')!).getByRole('combobox', { name: 'Role of user1' }));
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    await waitFor(() => expect(users.patches).toEqual([{ id: users.users[1]!.id, body: { role: 'admin' } }]));

    await user.click(within(row('user2')!).getByTestId('admin-user-active'));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate user2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(users.patches).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(within(row('user2')!).getByTestId('admin-user-active'));
    await user.click(await screen.findByTestId('deactivate-user-confirm'));
    await waitFor(() =>
      expect(users.patches.at(-1)).toEqual({ id: users.users[2]!.id, body: { isActive: false } }),
    );
    await waitFor(() => expect(row('user2')).toHaveAttribute('data-active', 'false'));

    await user.click(within(row('user2')!).getByTestId('admin-user-active'));
    await waitFor(() =>
      expect(users.patches.at(-1)).toEqual({ id: users.users[2]!.id, body: { isActive: true } }),
    );
  });

  it('does not offer to demote or deactivate yourself', async () => {
    server.use(...signedIn(admin), ...adminUsersApi([admin], admin.id).handlers);
    renderApp('/admin/users');
    await screen.findByTestId('admin-users-table');
    const own = row('root')!;
    expect(within(own).getByTestId('admin-user-active')).toBeDisabled();
    expect(within(own).getByRole('combobox', { name: 'Role of root' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('shows the API’s reason when a change is refused', async () => {
    const users = adminUsersApi([admin, ...makeUsers(1)], admin.id);
    server.use(
      http.patch(`${API}/admin/users/:id`, () =>
        apiError(409, { code: 'conflict', message: 'Someone else changed this user' }),
      ),
      ...signedIn(admin),
      ...users.handlers,
    );
    renderApp('/admin/users');
    await screen.findByTestId('admin-users-table');
    const user = userEvent.setup();
    await user.click(within(row('user1')!).getByRole('combobox', { name: 'Role of user1' }));
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    expect(await screen.findByTestId('admin-users-update-error')).toHaveTextContent('Someone else changed');
  });

  it('shows loading, then the error with a retry', async () => {
    let fail = true;
    server.use(
      http.get(`${API}/admin/users`, () =>
        fail ? apiError(500, { code: 'internal', message: 'Something broke' }) : undefined,
      ),
      ...signedIn(admin),
      ...adminUsersApi([admin], admin.id).handlers,
    );
    renderApp('/admin/users');
    expect(await screen.findByTestId('admin-users-loading')).toBeInTheDocument();
    const error = await screen.findByTestId('admin-users-error');
    fail = false;
    await userEvent.setup().click(within(error).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId('admin-users-table');
  });

  it('is for administrators only', async () => {
    server.use(...signedIn(makeUser()));
    renderApp('/admin/users');
    expect(await screen.findByTestId('admin-only')).toBeInTheDocument();
  });
});
