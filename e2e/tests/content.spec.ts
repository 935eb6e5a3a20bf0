// Journey (c): open an item from the gallery and rate it; the rating is the server's after a reload.
import { asDemo, expect, test } from '../support/fixtures';

asDemo();

test('open an item from the gallery and rate it', async ({ page, finish }) => {
  await page.goto('/gallery');
  const first = page.getByTestId('gallery-item').first();
  const title = await first.locator('img').getAttribute('alt');
  await first.click();

  const item = page.getByTestId('content-item-page');
  await expect(item).toBeVisible();
  await expect(page).toHaveURL(/\/content\/\d+$/);
  await expect(page.getByTestId('content-title')).toHaveText(title ?? '');
  await expect(page.getByTestId('content-image')).toBeVisible();

  // Clicking the star already chosen would clear it, so pick one that is not.
  const stars = page.getByTestId('rating-stars');
  const before = await stars.getAttribute('data-value');
  const target = before === '4' ? 3 : 4;
  // MUI's star inputs are visually hidden behind their labels, which take the click.
  await stars
    .locator('label')
    .filter({ hasText: `${target} Stars` })
    .click();
  await expect(stars).toHaveAttribute('data-value', String(target));
  await expect(page.getByTestId('rating-clear')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('rating-stars')).toHaveAttribute('data-value', String(target));
  await expect(page.getByTestId('rating-average')).toContainText(/average from \d+ ratings?/);
  await finish('content', page.getByTestId('content-rating'));
});
