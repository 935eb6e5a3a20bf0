import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError, signedIn } from '@/testing/handlers';
import { inbox, makeNotification } from '@/testing/notifications-handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('notification detail page', () => {
  it('shows type, message, time and the related job, and marks it read on opening', async () => {
    const box = inbox([
      makeNotification(5, { type: 'job_failed', title: 'Job 5 failed', message: 'Out of memory' }),
    ]);
    server.use(...signedIn(), ...box.handlers);
    renderApp('/notifications/5');

    const detail = await screen.findByTestId('notification-detail');
    expect(screen.getByTestId('notification-title')).toHaveTextContent('Job 5 failed');
    expect(screen.getByTestId('notification-message')).toHaveTextContent('Out of memory');
    expect(screen.getByTestId('notification-type')).toHaveTextContent('Job failed');
    expect(detail.querySelector('time')).toHaveAttribute('datetime', box.items[0]?.createdAt);
    expect(screen.getByTestId('notification-related')).toHaveAttribute('href', '/generate?tab=history');
    expect(detail).toHaveAttribute('data-unread', 'false');
    expect(box.items[0]?.readAt).not.toBeNull();
  });

  it('links to the related image when there is one', async () => {
    server.use(...signedIn(), ...inbox([makeNotification(6, { relatedContentId: 42 })]).handlers);
    renderApp('/notifications/6');
    expect(await screen.findByTestId('notification-related')).toHaveAttribute('href', '/content/42');
  });

  it('marks it unread again, and deletes it going back to the list', async () => {
    const box = inbox([makeNotification(5), makeNotification(4)]);
    server.use(...signedIn(), ...box.handlers);
    const { router } = renderApp('/notifications/5');
    await screen.findByTestId('notification-detail');
    const user = userEvent.setup();

    await user.click(screen.getByTestId('notification-toggle-read'));
    await waitFor(() =>
      expect(screen.getByTestId('notification-detail')).toHaveAttribute('data-unread', 'true'),
    );
    expect(box.items[0]?.readAt).toBeNull();

    await user.click(screen.getByTestId('notification-delete'));
    await waitFor(() => expect(currentUrl(router)).toBe('/notifications'));
    await screen.findByTestId('notifications-list');
    expect(screen.queryByTestId('notification-5')).toBeNull();
    expect(screen.getByTestId('notification-4')).toBeInTheDocument();
  });

  it('says when there is no such notification, and shows other errors with a retry', async () => {
    server.use(...signedIn(), ...inbox([]).handlers);
    const first = renderApp('/notifications/99');
    expect(await screen.findByTestId('notification-not-found')).toHaveTextContent('No such notification');
    first.unmount();

    let calls = 0;
    server.use(
      http.post(`${API}/notifications/:id/read`, () => {
        calls += 1;
        return calls === 1
          ? apiError(500, { code: 'internal', message: 'Broken' })
          : HttpResponse.json(makeNotification(3, { readAt: '2026-11-02T00:00:00.000Z' }));
      }),
    );
    renderApp('/notifications/3');
    expect(await screen.findByTestId('notification-error')).toHaveTextContent('Broken');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('notification-detail')).toBeInTheDocument();
  });
});
