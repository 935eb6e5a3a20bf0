// Journey: an administrator opens the analytics from the sidebar, switches range and sections, and the
// page stays within the screen at 375 px (charts follow their container).
import { BASE_URL, DEMO_PASSWORD } from '../support/settings';
import { expect, isMobile, test } from '../support/fixtures';

test('an admin reads the analytics', async ({ page, finish }) => {
  // Signed in through the API (logins from one address are rate limited; the browser shares the cookie).
  const login = await page.request.post('/api/v1/auth/login', {
    data: { login: 'admin', password: DEMO_PASSWORD },
    headers: { Origin: BASE_URL },
  });
  expect(login.ok()).toBe(true);

  await page.goto('/');
  await expect(page.getByTestId('dashboard-page')).toBeVisible();
  await expect(page.getByTestId('my-generation-stats')).toBeVisible();
  if (isMobile(page)) await page.getByTestId('sidebar-toggle').click();
  await page.getByTestId('nav-admin-analytics').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/admin\/analytics$/);
  await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible();

  // The rollup runs every 5 minutes, so a fresh stack may not have ranked anything yet: either is fine.
  const ranking = page.getByTestId('route-ranking-section');
  await expect(ranking.getByTestId('route-ranking').or(ranking.getByTestId('routes-empty'))).toBeVisible();
  await expect(page.getByTestId('peak-hours-section')).toBeVisible();

  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(page).toHaveURL(/days=30/);

  await page.getByTestId('analytics-tab-generation').click();
  await expect(page).toHaveURL(/tab=generation/);
  await expect(
    page.getByTestId('generation-overview').or(page.getByTestId('generation-empty')),
  ).toBeVisible();

  // The demo seed refreshed the tag statistics: the distribution has data.
  await page.getByTestId('analytics-tab-tags').click();
  await expect(page.getByTestId('tag-bucket')).toHaveCount(7);
  await expect(page.getByTestId('top-tag').first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'How many tags have how many items' })).toBeVisible();

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await finish('admin-analytics', page.getByTestId('tag-distribution'));
});
