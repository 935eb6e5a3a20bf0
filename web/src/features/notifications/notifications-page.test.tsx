import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError, signedIn } from '@/testing/handlers';
import { inbox, makeNotification, pushNotification } from '@/testing/notifications-handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const titles = () =>
  within(screen.getByTestId('notifications-list'))
    .getAllByTestId('notification-title')
    .map((title) => title.textContent);

const row = (id: number) => screen.getByTestId(`notification-${id}`);

describe('notifications page', () => {
  it('lists newest first, marks unread rows, and loads the next cursor page', async () => {
    const box = inbox(
      [3, 2, 1].map((id) => makeNotification(id, { readAt: id === 2 ? '2026-11-02T00:00:00.000Z' : null })),
      2,
    );
    server.use(...signedIn(undefined, 2), ...box.handlers);
    renderApp('/notifications');

    await screen.findByTestId('notifications-list');
    expect(titles()).toEqual(['Job 3 completed', 'Job 2 completed']);
    expect(row(3)).toHaveAttribute('data-unread', 'true');
    expect(row(2)).toHaveAttribute('data-unread', 'false');
    await waitFor(() =>
      expect(screen.getByTestId('notifications-unread-count')).toHaveTextContent('2 unread'),
    );

    await userEvent.setup().click(screen.getByTestId('notifications-load-more'));
    await waitFor(() => expect(titles()).toEqual(['Job 3 completed', 'Job 2 completed', 'Job 1 completed']));
    expect(box.listQueries.at(-1)?.get('cursor')).toBe('2');
    expect(screen.queryByTestId('notifications-load-more')).toBeNull();
  });

  it('keeps the unread-only filter in the URL and asks the API for it', async () => {
    const box = inbox([makeNotification(2), makeNotification(1, { readAt: '2026-11-02T00:00:00.000Z' })]);
    server.use(...signedIn(), ...box.handlers);
    const { router } = renderApp('/notifications');
    await screen.findByTestId('notifications-list');
    expect(titles()).toHaveLength(2);

    await userEvent.setup().click(screen.getByTestId('notifications-unread-only'));
    await waitFor(() => expect(currentUrl(router)).toBe('/notifications?unread=true'));
    await waitFor(() => expect(titles()).toEqual(['Job 2 completed']));
    expect(box.listQueries.at(-1)?.get('unreadOnly')).toBe('true');

    await router.navigate(-1);
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(screen.getByTestId('notifications-unread-only')).not.toBeChecked();
  });

  it('starts filtered from a shared link and says when nothing is unread', async () => {
    server.use(
      ...signedIn(),
      ...inbox([makeNotification(1, { readAt: '2026-11-02T00:00:00.000Z' })]).handlers,
    );
    renderApp('/notifications?unread=true');
    expect(await screen.findByTestId('notifications-empty')).toHaveTextContent('No unread notifications');
    expect(screen.getByTestId('notifications-unread-only')).toBeChecked();
  });

  it('marks one read and unread, marks all read and deletes', async () => {
    const box = inbox([makeNotification(2), makeNotification(1)]);
    server.use(...signedIn(undefined, 2), ...box.handlers);
    renderApp('/notifications');
    await screen.findByTestId('notifications-list');
    const user = userEvent.setup();

    await user.click(within(row(2)).getByTestId('notification-toggle-read'));
    await waitFor(() => expect(row(2)).toHaveAttribute('data-unread', 'false'));
    expect(box.items[0]?.readAt).not.toBeNull();
    await user.click(within(row(2)).getByTestId('notification-toggle-read'));
    await waitFor(() => expect(row(2)).toHaveAttribute('data-unread', 'true'));

    await user.click(screen.getByTestId('notifications-mark-all-read'));
    await waitFor(() => expect(row(1)).toHaveAttribute('data-unread', 'false'));
    expect(row(2)).toHaveAttribute('data-unread', 'false');
    await waitFor(() =>
      expect(screen.getByTestId('notifications-unread-count')).toHaveTextContent('0 unread'),
    );

    await user.click(within(row(2)).getByTestId('notification-delete'));
    await waitFor(() => expect(screen.queryByTestId('notification-2')).toBeNull());
    expect(box.items.map((item) => item.id)).toEqual([1]);
  });

  it('says why a change failed and keeps the row as it was', async () => {
    server.use(...signedIn(), ...inbox([makeNotification(1)]).handlers);
    // Later handlers are asked first.
    server.use(
      http.delete(`${API}/notifications/:id`, () =>
        apiError(500, { code: 'internal', message: 'Disk on fire' }),
      ),
    );
    renderApp('/notifications');
    await screen.findByTestId('notifications-list');
    await userEvent.setup().click(within(row(1)).getByTestId('notification-delete'));
    expect(await screen.findByTestId('delete-error')).toHaveTextContent('Disk on fire');
    expect(row(1)).toBeInTheDocument();
  });

  it('shows a notification pushed over the socket on top, without a reload', async () => {
    const box = inbox([makeNotification(1)]);
    server.use(...signedIn(undefined, 1), ...box.handlers);
    renderApp('/notifications');
    await screen.findByTestId('notifications-list');
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveAttribute('data-count', '1'));
    const requests = box.listQueries.length;

    pushNotification(
      makeNotification(7, { type: 'job_failed', title: 'Job 7 failed', message: 'Out of memory' }),
      2,
    );
    await waitFor(() => expect(titles()).toEqual(['Job 7 failed', 'Job 1 completed']));
    expect(row(7)).toHaveAttribute('data-unread', 'true');
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveAttribute('data-count', '2'));
    expect(screen.getByTestId('notifications-unread-count')).toHaveTextContent('2 unread');
    expect(box.listQueries).toHaveLength(requests);
  });

  it('shows an empty inbox and a failed load distinctly', async () => {
    server.use(...signedIn(), ...inbox([]).handlers);
    const first = renderApp('/notifications');
    expect(await screen.findByTestId('notifications-empty')).toHaveTextContent('No notifications yet');
    first.unmount();

    server.use(
      http.get(`${API}/notifications`, () => apiError(500, { code: 'internal', message: 'Broken' })),
    );
    renderApp('/notifications');
    expect(await screen.findByTestId('notifications-error')).toHaveTextContent('Broken');
    expect(screen.queryByTestId('notifications-empty')).toBeNull();
  });

  it('takes the first count from the API and links the bell menu and the sidebar here', async () => {
    // Only the HTTP answers: this socket sends no greeting, so the count must come from the request.
    const [me, count] = signedIn(undefined, 4);
    server.use(me!, count!, ...inbox([]).handlers);
    const { router } = renderApp('/');
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveAttribute('data-count', '4'));
    expect(screen.getByTestId('nav-notifications')).toHaveAttribute('href', '/notifications');

    const user = userEvent.setup();
    await user.click(screen.getByTestId('notification-bell'));
    await user.click(await screen.findByTestId('notification-bell-all'));
    await waitFor(() => expect(currentUrl(router)).toBe('/notifications'));
    expect(await screen.findByTestId('notifications-page')).toBeInTheDocument();
  });
});
