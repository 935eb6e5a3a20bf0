// Journey: bookmark an item into a new category and share it. The demo user bookmarks a community
// item, makes a category for it in the item's category manager, makes that category public from the
// bookmarks pages and copies its link; a visitor (a fresh browser context) opens the link and sees
// the item read-only. Each run makes its own category, so desktop and phone runs do not collide.
import { asDemo, expect, navigate, test } from '../support/fixtures';

asDemo();
// The share dialog copies the link; headless Chromium grants the clipboard only when asked.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('bookmark an item into a new category and share it', async ({ page, browser, finish }) => {
  const category = `e2e share ${Date.now().toString(36)}`;
  // Community items are public to everyone, so the visitor can see it through the share link.
  await page.goto('/gallery?sources=community-regular');
  await page.getByTestId('gallery-item').first().click();
  await expect(page.getByTestId('content-item-page')).toBeVisible();
  const title = (await page.getByTestId('content-title').textContent()) ?? '';

  const button = page.getByTestId('bookmark-button');
  await expect(button).toBeVisible();
  // An earlier run (the other viewport) may have bookmarked it: start from an unbookmarked item.
  if ((await button.getAttribute('data-bookmarked')) === 'true') {
    await button.click();
    await page.getByTestId('bookmark-manager-remove').click();
    await page.getByTestId('confirm-remove-bookmark').click();
    await expect(button).toHaveAttribute('data-bookmarked', 'false');
  }
  await button.click();
  await expect(button).toHaveAttribute('data-bookmarked', 'true');
  const manager = page.getByTestId('bookmark-manager');
  await expect(manager.getByRole('checkbox', { name: 'Uncategorized' })).toBeChecked();
  await manager.getByTestId('new-category-name').fill(category);
  await manager.getByTestId('new-category-add').click();
  await expect(manager.getByRole('checkbox', { name: category })).toBeChecked();
  await expect(manager.getByRole('checkbox', { name: 'Uncategorized' })).not.toBeChecked();
  await manager.getByTestId('bookmark-manager-done').click();
  await expect(manager).toBeHidden();

  await navigate(page, 'bookmarks');
  await expect(page.getByTestId('bookmarks-page')).toBeVisible();
  await page.getByTestId('category-name').filter({ hasText: category }).click();
  await expect(page.getByTestId('category-title')).toHaveText(category);
  await expect(page.getByTestId('bookmark-item')).toHaveCount(1);

  await page.getByTestId('category-page-share').click();
  const dialog = page.getByTestId('share-dialog');
  // The switch shows the server's state, so it moves once the API has answered.
  const shareSwitch = dialog.getByTestId('share-switch');
  await shareSwitch.click();
  await expect(shareSwitch).toBeChecked();
  const link = dialog.getByTestId('share-link');
  await expect(link).toHaveValue(/\/shared\//);
  await dialog.getByTestId('share-copy').click();
  await expect(dialog.getByTestId('share-copied')).toHaveText('Copied');
  const shareUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(shareUrl).toBe(await link.inputValue());
  await dialog.getByTestId('share-close').click();

  // A visitor: a new context with no session cookie (it would otherwise inherit the demo's).
  const visitor = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: page.viewportSize() ?? undefined,
  });
  const problems: string[] = [];
  const shared = await visitor.newPage();
  shared.on('pageerror', (error) => problems.push(error.message));
  shared.on('console', (message) => {
    // The visitor's "who am I" answers 401 by design.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
  });
  await shared.goto(shareUrl);
  await expect(shared.getByTestId('shared-name')).toHaveText(category);
  const items = shared.getByTestId('shared-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(title);
  // Read-only: no way to change the category or its bookmarks.
  await expect(shared.getByTestId('category-page-share')).toHaveCount(0);
  await expect(shared.getByTestId('bookmark-actions')).toHaveCount(0);
  await expect(shared.getByTestId('sign-in-link')).toBeVisible();
  expect(problems).toEqual([]);
  await visitor.close();
  await finish('bookmarks', page.getByTestId('category-page'));
});
