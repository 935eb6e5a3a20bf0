import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { account } from '@/testing/settings-handlers';

describe('settings: profile', () => {
  it('opens the profile tab from /settings and from the user menu', async () => {
    server.use(...account().handlers);
    const { router } = renderApp('/gallery');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('user-menu-button'));
    await user.click(await screen.findByTestId('user-menu-settings'));
    await waitFor(() => expect(currentUrl(router)).toBe('/settings/profile'));
    const tab = await screen.findByTestId('settings-tab-profile');
    await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));

    await user.click(screen.getByTestId('settings-tab-password'));
    await waitFor(() => expect(currentUrl(router)).toBe('/settings/password'));
    expect(await screen.findByTestId('password-section')).toBeInTheDocument();
  });

  it('saves only what changed and shows the new name in the user menu', async () => {
    const stored = account({ displayName: 'Alice', email: 'alice@example.com' });
    server.use(...stored.handlers);
    renderApp('/settings');
    const name = await screen.findByTestId('profile-displayName');
    expect(screen.getByTestId('profile-save')).toBeDisabled();

    const user = userEvent.setup();
    await user.clear(name);
    await user.type(name, 'Alice Liddell');
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-saved')).toHaveTextContent('Profile saved');
    expect(stored.state.patches).toEqual([{ displayName: 'Alice Liddell' }]);
    expect(screen.getByTestId('user-menu-button')).toHaveAccessibleName('Account of Alice Liddell');
  });

  it('catches a malformed email before sending anything', async () => {
    const stored = account();
    server.use(...stored.handlers);
    renderApp('/settings/profile');
    const email = await screen.findByTestId('profile-email');
    const user = userEvent.setup();
    await user.clear(email);
    await user.type(email, 'not-an-email');
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByText('is not an email address')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(stored.state.patches).toEqual([]);
  });

  it('shows the API refusing an email another account uses under the field', async () => {
    server.use(...account().handlers);
    server.use(
      http.patch(`${API}/users/me`, () =>
        apiError(409, {
          code: 'conflict',
          message: 'email already in use',
          details: [{ field: 'body.email', message: 'is already registered' }],
        }),
      ),
    );
    renderApp('/settings/profile');
    const email = await screen.findByTestId('profile-email');
    const user = userEvent.setup();
    await user.clear(email);
    await user.type(email, 'bob@example.com');
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByText('is already registered')).toBeInTheDocument();
    expect(screen.queryByTestId('profile-saved')).not.toBeInTheDocument();
  });

  it('says so when the server fails', async () => {
    server.use(...account().handlers);
    server.use(http.patch(`${API}/users/me`, () => apiError(500, { code: 'internal', message: 'Broken' })));
    renderApp('/settings/profile');
    const name = await screen.findByTestId('profile-displayName');
    const user = userEvent.setup();
    await user.type(name, '!');
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-error')).toHaveTextContent('Broken');
  });
});
