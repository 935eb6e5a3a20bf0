import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError } from '@/testing/handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { account, makeToken, tokenStore } from '@/testing/settings-handlers';

describe('settings: API tokens', () => {
  it('lists tokens with when they were made and last used', async () => {
    const used = makeToken(1, { name: 'backup script', lastUsedAt: '2026-03-02T10:00:00.000Z' });
    server.use(...account().handlers, ...tokenStore([used, makeToken(2, { name: 'cli' })]).handlers);
    renderApp('/settings/tokens');
    const row = await screen.findByTestId(`token-row-${used.id}`);
    expect(row).toHaveTextContent('backup script');
    expect(row).toHaveTextContent('last used');
    expect(screen.getByTestId(`token-row-${makeToken(2).id}`)).toHaveTextContent('never used');
  });

  it('creates a token and shows its secret once, with a warning and a copy button', async () => {
    const store = tokenStore();
    server.use(...account().handlers, ...store.handlers);
    renderApp('/settings/tokens');
    expect(await screen.findByTestId('tokens-empty')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('token-create'));
    await user.click(screen.getByTestId('token-create-submit'));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    await user.type(screen.getByTestId('token-name'), 'nightly sync');
    await user.click(screen.getByTestId('token-create-submit'));

    expect(await screen.findByTestId('token-secret')).toHaveValue('gnt_secret-value-shown-once');
    expect(screen.getByTestId('token-warning')).toHaveTextContent('will not be shown again');
    await user.click(screen.getByTestId('token-copy'));
    expect(await screen.findByTestId('token-copied')).toHaveTextContent('Copied');
    await expect(navigator.clipboard.readText()).resolves.toBe('gnt_secret-value-shown-once');
    expect(store.state.created).toEqual(['nightly sync']);

    await user.click(screen.getByTestId('token-done'));
    await waitFor(() => expect(screen.queryByTestId('create-token-dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('nightly sync')).toBeInTheDocument();
    // The secret is gone with the dialog: nothing on the page shows it again.
    expect(screen.queryByText(/gnt_secret/)).not.toBeInTheDocument();
  });

  it('revokes a token only after confirmation', async () => {
    const token = makeToken(1, { name: 'old laptop' });
    const store = tokenStore([token]);
    server.use(...account().handlers, ...store.handlers);
    renderApp('/settings/tokens');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId(`token-revoke-${token.id}`));
    const dialog = await screen.findByTestId('revoke-token-dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(store.state.revoked).toEqual([]);

    await user.click(screen.getByTestId(`token-revoke-${token.id}`));
    await user.click(await screen.findByTestId('revoke-token-confirm'));
    expect(await screen.findByTestId('tokens-empty')).toBeInTheDocument();
    expect(store.state.revoked).toEqual([token.id]);
  });

  it('shows loading, then the error', async () => {
    server.use(
      ...account().handlers,
      http.get(`${API}/auth/tokens`, async () => {
        await delay(100);
        return apiError(500, { code: 'internal', message: 'Broken' });
      }),
    );
    renderApp('/settings/tokens');
    expect(await screen.findByTestId('tokens-loading')).toBeInTheDocument();
    expect(await screen.findByTestId('tokens-error')).toHaveTextContent('Broken');
  });

  it('shows why creating failed', async () => {
    server.use(...account().handlers, ...tokenStore().handlers);
    server.use(http.post(`${API}/auth/tokens`, () => apiError(500, { code: 'internal', message: 'Broken' })));
    renderApp('/settings/tokens');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('token-create'));
    await user.type(screen.getByTestId('token-name'), 'x');
    await user.click(screen.getByTestId('token-create-submit'));
    expect(await screen.findByTestId('token-create-error')).toHaveTextContent('Broken');
  });
});
