import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError } from '@/testing/handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { account } from '@/testing/settings-handlers';

const sidebar = () => screen.getByTestId('sidebar');

describe('settings: sidebar', () => {
  it('hides and shows optional entries, saving the whole sidebar setting', async () => {
    const stored = account();
    server.use(...stored.handlers);
    renderApp('/settings/sidebar');
    const user = userEvent.setup();
    const tags = await screen.findByTestId('sidebar-show-tags');
    expect(tags).toBeChecked();
    expect(within(sidebar()).getByTestId('nav-tags')).toBeInTheDocument();

    await user.click(tags);
    await waitFor(() => expect(within(sidebar()).queryByTestId('nav-tags')).not.toBeInTheDocument());
    expect(tags).not.toBeChecked();
    await user.click(screen.getByTestId('sidebar-show-history'));
    await waitFor(() => expect(within(sidebar()).queryByTestId('nav-history')).not.toBeInTheDocument());
    expect(within(sidebar()).getByTestId('nav-gallery')).toBeInTheDocument();
    expect(stored.state.patches).toEqual([
      { preferences: { sidebar: { start: 'remember', hidden: ['tags'] } } },
      { preferences: { sidebar: { start: 'remember', hidden: ['tags', 'history'] } } },
    ]);

    await user.click(screen.getByTestId('sidebar-show-tags'));
    await waitFor(() => expect(within(sidebar()).getByTestId('nav-tags')).toBeInTheDocument());
  });

  it('starts collapsed when the user chose so, whatever this browser last did', async () => {
    window.localStorage.setItem('genonaut-sidebar-collapsed', 'false');
    server.use(...account({ preferences: { sidebar: { start: 'collapsed', hidden: [] } } }).handlers);
    renderApp('/gallery');
    await waitFor(() => expect(sidebar()).toHaveAttribute('data-collapsed', 'true'));
    // The toggle still works for this visit.
    await userEvent.setup().click(screen.getByTestId('sidebar-toggle'));
    expect(sidebar()).toHaveAttribute('data-collapsed', 'false');
  });

  it('saves the start choice', async () => {
    const stored = account();
    server.use(...stored.handlers);
    renderApp('/settings/sidebar');
    await userEvent.setup().click(await screen.findByTestId('sidebar-start-collapsed'));
    await waitFor(() => expect(sidebar()).toHaveAttribute('data-collapsed', 'true'));
    expect(stored.state.patches).toEqual([{ preferences: { sidebar: { start: 'collapsed', hidden: [] } } }]);
  });

  it('shows why a change was not saved and keeps the old setting', async () => {
    server.use(...account().handlers);
    server.use(http.patch(`${API}/users/me`, () => apiError(500, { code: 'internal', message: 'Broken' })));
    renderApp('/settings/sidebar');
    await userEvent.setup().click(await screen.findByTestId('sidebar-show-tags'));
    expect(await screen.findByTestId('sidebar-error')).toHaveTextContent('Broken');
    expect(screen.getByTestId('sidebar-show-tags')).toBeChecked();
  });
});
