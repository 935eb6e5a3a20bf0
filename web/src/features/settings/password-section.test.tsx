import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError } from '@/testing/handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { account, passwordChange } from '@/testing/settings-handlers';

async function fill(values: { current: string; next: string; confirm: string }) {
  const user = userEvent.setup();
  await user.type(await screen.findByTestId('password-currentPassword'), values.current);
  await user.type(screen.getByTestId('password-newPassword'), values.next);
  await user.type(screen.getByTestId('password-confirmPassword'), values.confirm);
  await user.click(screen.getByTestId('password-save'));
}

describe('settings: password', () => {
  it('changes the password and empties the form', async () => {
    const change = passwordChange('the old secret');
    server.use(...account().handlers, change.handler);
    renderApp('/settings/password');
    await fill({ current: 'the old secret', next: 'a brand new secret', confirm: 'a brand new secret' });
    expect(await screen.findByTestId('password-changed')).toHaveTextContent('other sessions');
    expect(change.bodies).toEqual([{ currentPassword: 'the old secret', newPassword: 'a brand new secret' }]);
    expect(screen.getByTestId('password-newPassword')).toHaveValue('');
  });

  it('checks length and the repeat before asking the server', async () => {
    const change = passwordChange();
    server.use(...account().handlers, change.handler);
    renderApp('/settings/password');
    await fill({ current: 'the old secret', next: 'short', confirm: 'shorter' });
    expect(await screen.findByText('must be at least 10 characters')).toBeInTheDocument();
    expect(screen.getByText('does not match the new password')).toBeInTheDocument();
    expect(change.bodies).toEqual([]);
  });

  it('shows a wrong current password under its field', async () => {
    server.use(...account().handlers, passwordChange('the old secret').handler);
    renderApp('/settings/password');
    await fill({ current: 'not the secret', next: 'a brand new secret', confirm: 'a brand new secret' });
    expect(await screen.findByText('is not your current password')).toBeInTheDocument();
    expect(screen.getByTestId('password-currentPassword')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a weak new password refused by the server, and an outage', async () => {
    server.use(
      ...account().handlers,
      http.post(`${API}/auth/password`, () =>
        apiError(400, {
          code: 'validation_failed',
          message: 'body.newPassword: is one of the most common passwords',
          details: [{ field: 'body.newPassword', message: 'is one of the most common passwords' }],
        }),
      ),
    );
    renderApp('/settings/password');
    await fill({ current: 'the old secret', next: 'password123', confirm: 'password123' });
    expect(await screen.findByText('is one of the most common passwords')).toBeInTheDocument();

    server.use(
      http.post(`${API}/auth/password`, () =>
        apiError(503, { code: 'dependency_unavailable', message: 'Redis is unavailable' }),
      ),
    );
    await userEvent.setup().click(screen.getByTestId('password-save'));
    expect(await screen.findByTestId('password-error')).toHaveTextContent('Redis is unavailable');
  });
});
