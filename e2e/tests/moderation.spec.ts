// Journey (moderation): an admin opens the flagged-content queue from the sidebar, opens the riskiest
// pending item (hidden from other users by the demo seed's flag words), approves it, and the queue's
// pending count drops and the demo user can now open the item.
import { asAdmin, expect, isMobile, test } from '../support/fixtures';
import { DEMO_STATE } from '../support/settings';

asAdmin();

test('approve a flagged item so other users see it', async ({ page, browser, finish }) => {
  await page.goto('/');
  if (isMobile(page)) await page.getByTestId('sidebar-toggle').click();
  await page.getByTestId('nav-admin-flagged').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/admin\/flagged-content$/);

  const pending = page.getByTestId('stat-pending');
  await expect(pending).toHaveText(/^\d+$/);
  const before = Number(await pending.textContent());
  expect(before).toBeGreaterThan(0);

  // Riskiest first: the demo seed puts items above the hide threshold at the top.
  const first = page.getByTestId('flagged-row').first();
  await expect(first.getByTestId('flagged-word').first()).toBeVisible();
  await first.getByTestId('flagged-open').click();
  await expect(page).toHaveURL(/\/admin\/flagged-content\/\d+$/);

  const review = page.getByTestId('flagged-item');
  await expect(review).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('flagged-title').getByTestId('highlight').first()).toBeVisible();
  await expect(page.getByTestId('risk-breakdown')).toBeVisible();
  await expect(page.getByText('Hidden from other users')).toBeVisible();
  const itemHref = await page.getByRole('link', { name: 'Open the item page' }).getAttribute('href');
  expect(itemHref).toMatch(/^\/content\/\d+$/);

  await page.getByTestId('review-notes').fill('Reviewed in the browser journey');
  await finish('moderation-review', review);
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('item-status')).toHaveText('approved');
  await expect(page.getByTestId('approved-note')).toBeVisible();

  // Another user now sees the item.
  const demo = await browser.newContext({ storageState: DEMO_STATE });
  const demoPage = await demo.newPage();
  await demoPage.goto(itemHref ?? '/');
  await expect(demoPage.getByTestId('content-item-page')).toBeVisible();
  await expect(demoPage.getByTestId('content-image')).toBeVisible();
  await demo.close();

  await page.getByTestId('back-to-queue').click();
  await expect(page.getByTestId('stat-pending')).toHaveText(String(before - 1));
  await finish('moderation', page.getByTestId('flagged-content-page'));
});
