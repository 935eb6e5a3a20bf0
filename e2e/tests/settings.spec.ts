// Journey: the settings pages. The demo user picks the dark theme in Appearance and a second browser
// with the same account (fresh local storage) opens in dark too; then creates an API token, sees its
// secret once, uses it from a client without cookies, revokes it, and the token stops working.
import { BASE_URL } from '../support/settings';
import { asDemo, expect, test } from '../support/fixtures';

asDemo();
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('theme follows the account; an API token works until revoked', async ({
  page,
  browser,
  playwright,
  finish,
}) => {
  await page.goto('/');
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('user-menu-settings').click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByTestId('profile-section')).toBeVisible();

  await page.getByTestId('settings-tab-appearance').click();
  await page.getByTestId('theme-mode-dark').check();
  await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('Switch to light theme');
  await expect(page.locator('html')).toHaveAttribute('data-mui-color-scheme', 'dark');

  // Another browser signed in as the same user, with nothing in its local storage.
  const other = await browser.newContext({
    storageState: { cookies: (await page.context().storageState()).cookies, origins: [] },
    viewport: page.viewportSize() ?? undefined,
  });
  const second = await other.newPage();
  await second.goto('/gallery');
  await expect(second.locator('html')).toHaveAttribute('data-mui-color-scheme', 'dark');
  await other.close();

  await page.getByTestId('settings-tab-tokens').click();
  const name = `e2e token ${Date.now().toString(36)}`;
  await page.getByTestId('token-create').click();
  await page.getByTestId('token-name').fill(name);
  await page.getByTestId('token-create-submit').click();
  const secret = await page.getByTestId('token-secret').inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await page.getByTestId('token-copy').click();
  await expect(page.getByTestId('token-copied')).toHaveText('Copied');
  await page.getByTestId('token-done').click();
  await expect(page.getByTestId('create-token-dialog')).toBeHidden();
  const row = page.locator('[data-testid^="token-row-"]').filter({ hasText: name });
  await expect(row).toContainText('never used');
  await expect(page.getByText(secret)).toHaveCount(0);

  // A client with no cookies at all, only the token.
  const client = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  const me = () => client.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}` } });
  expect((await me()).status()).toBe(200);

  const id = (await row.getAttribute('data-testid'))!.replace('token-row-', '');
  await page.getByTestId(`token-revoke-${id}`).click();
  await page.getByTestId('revoke-token-confirm').click();
  await expect(row).toHaveCount(0);
  expect((await me()).status()).toBe(401);
  await client.dispose();
  await finish('settings', page.getByTestId('api-tokens-section'));

  // Leave the shared demo account as other journeys expect it.
  await page.getByTestId('settings-tab-appearance').click();
  await page.getByTestId('theme-mode-system').check();
  await expect(page.getByTestId('theme-mode-system')).toBeChecked();
});
