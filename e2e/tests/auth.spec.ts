// Journey (a): a visitor signs up, signs out and signs in again.
import { expect, test } from '../support/fixtures';

test('sign up, sign out and sign in again', async ({ page, finish }, testInfo) => {
  const username = `e2e_${testInfo.project.name}_${Date.now().toString(36)}`;
  const password = 'a long e2e password';

  // A visitor who opens the dashboard is sent to the login first.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole('link', { name: 'Create an account' }).click();

  const signUp = page.getByTestId('register-form');
  await signUp.getByLabel('Username').fill(username);
  await signUp.getByLabel('Email').fill(`${username}@example.com`);
  await signUp.getByLabel('Password').fill(password);
  await signUp.getByLabel('Display name (optional)').fill('E2E Tester');
  await signUp.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByTestId('dashboard-page')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account of E2E Tester' })).toBeVisible();

  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('sign-in-link')).toHaveCount(0);

  const signIn = page.getByTestId('login-form');
  await signIn.getByLabel('Username or email').fill(username);
  await signIn.getByLabel('Password').fill(password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByTestId('dashboard-page')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account of E2E Tester' })).toBeVisible();
  await finish('auth');
});

test.describe('a refused login', () => {
  test.use({ allowedConsoleErrors: [/status of 401 .*\/api\/v1\/auth\/login\)$/] });

  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto('/login');
    const signIn = page.getByTestId('login-form');
    await signIn.getByLabel('Username or email').fill('demo');
    await signIn.getByLabel('Password').fill('not the password at all');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toContainText(/invalid/i);
    await expect(page).toHaveURL(/\/login$/);
  });
});
