import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError, signedIn } from '@/testing/handlers';
import { notificationSettings } from '@/testing/notifications-handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const toggle = (type: string) => screen.getByTestId(`notification-setting-${type}`);

describe('notification settings', () => {
  it('shows one switch per type as stored and saves only the type switched', async () => {
    const stored = notificationSettings({ recommendation: false });
    server.use(...signedIn(), ...stored.handlers);
    renderApp('/settings/notifications');

    await screen.findByTestId('notification-setting-job_completed');
    expect(toggle('job_completed')).toBeChecked();
    expect(toggle('recommendation')).not.toBeChecked();
    expect(screen.getByRole('switch', { name: /Job failed/ })).toBeChecked();

    const user = userEvent.setup();
    await user.click(toggle('job_failed'));
    await waitFor(() => expect(stored.puts).toEqual([{ job_failed: false }]));
    expect(toggle('job_failed')).not.toBeChecked();
    await user.click(toggle('recommendation'));
    await waitFor(() => expect(stored.puts.at(-1)).toEqual({ recommendation: true }));
    expect(stored.settings).toMatchObject({ job_failed: false, recommendation: true });
  });

  it('flips back and says why when saving fails', async () => {
    server.use(...signedIn(), ...notificationSettings().handlers);
    server.use(
      http.put(`${API}/users/me/notification-settings`, async () => {
        await delay(50);
        return apiError(500, { code: 'internal', message: 'Broken' });
      }),
    );
    renderApp('/settings/notifications');
    await screen.findByTestId('notification-setting-system');

    await userEvent.setup().click(toggle('system'));
    expect(toggle('system')).not.toBeChecked();
    expect(await screen.findByTestId('settings-save-error')).toHaveTextContent('Broken');
    expect(toggle('system')).toBeChecked();
  });

  it('shows loading, then the error', async () => {
    server.use(
      ...signedIn(),
      http.get(`${API}/users/me/notification-settings`, async () => {
        await delay(100);
        return apiError(500, { code: 'internal', message: 'Broken' });
      }),
    );
    renderApp('/settings/notifications');
    expect(await screen.findByTestId('notification-settings-loading')).toBeInTheDocument();
    expect(await screen.findByTestId('notification-settings-error')).toHaveTextContent('Broken');
  });
});
