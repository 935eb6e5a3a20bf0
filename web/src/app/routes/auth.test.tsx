import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, LoginBody, RegisterBody, UserResponse } from '@genonaut/contracts';
import { makeUser } from '@/testing/fixtures';
import { catalogueHandlers } from '@/testing/generate-handlers';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('login page', () => {
  it('signs in and returns to the page that asked for it', async () => {
    let sent: LoginBody | undefined;
    server.use(
      // The page it returns to (the generate form) loads the model catalogue.
      ...catalogueHandlers(),
      http.post<never, LoginBody, UserResponse>(`${API}/auth/login`, async ({ request }) => {
        sent = await request.json();
        server.use(...signedIn());
        return HttpResponse.json({ user: makeUser() });
      }),
    );
    const { router } = renderApp('/generate');
    // The protected page sends the anonymous visitor to the login, remembering where they were.
    await screen.findByTestId('login-form');
    expect(currentUrl(router)).toBe('/login?redirectTo=%2Fgenerate');

    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/username or email/i), 'alice');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByTestId('generate-page')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/generate');
    expect(sent).toEqual({ login: 'alice', password: 'correct horse battery' });
  });

  it('shows a wrong password as a form error', async () => {
    server.use(
      http.post<never, LoginBody, UserResponse | ErrorResponse>(`${API}/auth/login`, () =>
        apiError(401, { code: 'unauthenticated', message: 'Invalid login or password' }),
      ),
    );
    renderApp('/login');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/username or email/i), 'alice');
    await user.type(screen.getByLabelText(/^password/i), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Invalid login or password');
  });

  it('shows validation details under their fields', async () => {
    server.use(
      http.post<never, LoginBody, UserResponse | ErrorResponse>(`${API}/auth/login`, () =>
        apiError(400, {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [{ field: 'body.login', message: 'must NOT have fewer than 1 characters' }],
        }),
      ),
    );
    renderApp('/login');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^password/i), 'something');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const login = screen.getByLabelText(/username or email/i);
    await waitFor(() => expect(login).toHaveAttribute('aria-invalid', 'true'));
    expect(login).toHaveAccessibleDescription('must NOT have fewer than 1 characters');
    expect(screen.queryByTestId('login-error')).not.toBeInTheDocument();
  });
});

describe('sign-up page', () => {
  it('puts each field error of a 400 and a 409 on its own field', async () => {
    let sent: RegisterBody | undefined;
    server.use(
      http.post<never, RegisterBody>(`${API}/auth/register`, async ({ request }) => {
        sent = await request.json();
        return apiError(409, {
          code: 'conflict',
          message: 'Username or email already in use',
          details: [
            { field: 'body.username', message: 'is already taken' },
            { field: 'body.email', message: 'is already registered' },
          ],
        });
      }),
    );
    renderApp('/register');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^username/i), 'alice');
    await user.type(screen.getByLabelText(/^email/i), 'alice@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() =>
      expect(screen.getByLabelText(/^username/i)).toHaveAccessibleDescription('is already taken'),
    );
    expect(screen.getByLabelText(/^email/i)).toHaveAccessibleDescription('is already registered');
    // No display name typed: the field is left out, not sent empty.
    expect(sent).toEqual({
      username: 'alice',
      email: 'alice@example.com',
      password: 'a long enough password',
    });
  });

  it('creates the account and opens the dashboard', async () => {
    server.use(
      http.post<never, RegisterBody, UserResponse>(`${API}/auth/register`, () => {
        server.use(...signedIn());
        return HttpResponse.json({ user: makeUser() }, { status: 201 });
      }),
    );
    const { router } = renderApp('/register');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^username/i), 'alice');
    await user.type(screen.getByLabelText(/^email/i), 'alice@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/'));
  });
});
