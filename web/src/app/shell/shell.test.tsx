import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@genonaut/contracts';
import { makeUser } from '@/testing/fixtures';
import { realtime, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const send = (message: ServerMessage) => realtime.broadcast(JSON.stringify(message));

describe('shell', () => {
  it('shows the unread count from the socket and follows its updates', async () => {
    server.use(...signedIn(makeUser(), 3));
    renderApp('/gallery');
    const badge = await screen.findByTestId('unread-count');
    await waitFor(() => expect(badge).toHaveAttribute('data-count', '3'));
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Notifications, 3 unread');

    send({
      type: 'notification',
      notification: {
        id: 9,
        type: 'job_completed',
        title: 'Your job finished',
        message: '4 images are ready',
        relatedJobId: 1,
        relatedContentId: null,
        readAt: null,
        createdAt: '2026-02-01T12:00:00.000Z',
      },
    });
    send({ type: 'unreadCount', count: 4 });
    await waitFor(() => expect(badge).toHaveAttribute('data-count', '4'));
    await userEvent.setup().click(screen.getByTestId('notification-bell'));
    expect(await screen.findByText('Your job finished')).toBeInTheDocument();
  });

  it('offers sign-in to visitors and no bell', async () => {
    renderApp('/gallery');
    expect(await screen.findByTestId('sign-in-link')).toHaveAttribute('href', '/login?redirectTo=%2Fgallery');
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
  });

  it('searches the gallery from the app bar and remembers a visitor’s recent searches', async () => {
    // A public page: the dashboard at / sends a visitor to the sign-in page, whose focused field could
    // take the keystrokes if that redirect lands while typing.
    const { router } = renderApp('/tags');
    const user = userEvent.setup();
    const search = await screen.findByTestId('app-search');
    await user.type(search, 'red fox{Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?q=red+fox'));
    expect(JSON.parse(window.localStorage.getItem('genonaut-recent-searches') ?? '[]')).toEqual(['red fox']);

    await user.clear(search);
    await user.click(search);
    await user.click(await screen.findByRole('option', { name: 'red fox' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?q=red+fox'));
  });

  it('shows the administration links to admins only', async () => {
    server.use(...signedIn(makeUser({ role: 'admin' })));
    renderApp('/gallery');
    const section = await screen.findByTestId('nav-admin');
    expect(within(section).getByTestId('nav-admin-queues')).toHaveAttribute('href', '/admin/queues');
    expect(within(section).getByTestId('nav-admin-users')).toHaveAttribute('href', '/admin/users');
  });

  it('hides the administration links from other users', async () => {
    server.use(...signedIn());
    renderApp('/gallery');
    expect(await screen.findByTestId('user-menu-button')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-admin')).not.toBeInTheDocument();
  });

  it('signs out from the user menu', async () => {
    server.use(...signedIn());
    const { router } = renderApp('/');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('user-menu-button'));
    server.resetHandlers();
    await user.click(await screen.findByTestId('logout'));
    await waitFor(() => expect(currentUrl(router)).toBe('/login'));
  });

  it('toggles the theme and remembers it', async () => {
    renderApp('/gallery');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Switch to dark theme' }));
    expect(await screen.findByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
    expect(window.localStorage.getItem('genonaut-mode')).toBe('dark');
  });

  it('collapses the sidebar and shows a 404 page for unknown paths', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('sidebar-toggle'));
    await waitFor(() => expect(screen.getByTestId('sidebar')).toHaveAttribute('data-collapsed', 'true'));
    expect(screen.getByRole('link', { name: 'Tags' })).toHaveAttribute('href', '/tags');
  });
});
