import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError } from '@/testing/handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { account } from '@/testing/settings-handlers';

const MODE_KEY = 'genonaut-mode';

describe('settings: appearance', () => {
  it('applies the chosen theme at once and saves it with the account', async () => {
    const stored = account();
    server.use(...stored.handlers);
    renderApp('/settings/appearance');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('theme-mode-dark'));
    await waitFor(() => expect(window.localStorage.getItem(MODE_KEY)).toBe('dark'));
    expect(screen.getByTestId('theme-toggle')).toHaveAccessibleName('Switch to light theme');
    await waitFor(() => expect(stored.state.patches).toEqual([{ preferences: { theme: 'dark' } }]));
    expect(stored.state.user.preferences).toEqual({ theme: 'dark' });

    await user.click(screen.getByTestId('theme-mode-system'));
    await waitFor(() => expect(stored.state.user.preferences).toEqual({ theme: 'system' }));
    expect(screen.getByTestId('theme-resolved')).toHaveTextContent('light');
  });

  it('is the same setting as the app bar toggle', async () => {
    const stored = account();
    server.use(...stored.handlers);
    renderApp('/settings/appearance');
    await userEvent.setup().click(await screen.findByTestId('theme-toggle'));
    await waitFor(() => expect(screen.getByTestId('theme-mode-dark')).toBeChecked());
    await waitFor(() => expect(stored.state.patches).toEqual([{ preferences: { theme: 'dark' } }]));
  });

  it('follows the theme saved with the account in a browser that had another', async () => {
    window.localStorage.setItem(MODE_KEY, 'light');
    const stored = account({ preferences: { theme: 'dark' } });
    server.use(...stored.handlers);
    renderApp('/gallery');
    await waitFor(() =>
      expect(screen.getByTestId('theme-toggle')).toHaveAccessibleName('Switch to light theme'),
    );
    expect(window.localStorage.getItem(MODE_KEY)).toBe('dark');
    // Applying what the account says is not a change to save back.
    expect(stored.state.patches).toEqual([]);
  });

  it('keeps the choice in this browser and says so when saving fails', async () => {
    server.use(...account().handlers);
    server.use(http.patch(`${API}/users/me`, () => apiError(500, { code: 'internal', message: 'Broken' })));
    renderApp('/settings/appearance');
    await userEvent.setup().click(await screen.findByTestId('theme-mode-dark'));
    expect(await screen.findByTestId('appearance-error')).toHaveTextContent(
      'Saved in this browser only: Broken',
    );
    expect(window.localStorage.getItem(MODE_KEY)).toBe('dark');
  });

  it('leaves a visitor’s choice in the browser only', async () => {
    const patches: unknown[] = [];
    server.use(http.patch(`${API}/users/me`, () => void patches.push(1)));
    renderApp('/gallery');
    await userEvent.setup().click(await screen.findByTestId('theme-toggle'));
    await waitFor(() => expect(window.localStorage.getItem(MODE_KEY)).toBe('dark'));
    expect(patches).toEqual([]);
  });
});
