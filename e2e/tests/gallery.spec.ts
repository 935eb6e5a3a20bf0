// Journey (b): filter the gallery by a category tag and a search; reload and back/forward keep the
// filters, because the URL holds them. Counts come from the seeded demo data (120 items, fixed seed).
import type { Page } from '@playwright/test';
import { expect, isMobile, test } from '../support/fixtures';

/** On phones the options panel is folded away behind a button. */
async function openOptions(page: Page) {
  if (isMobile(page)) {
    const toggle = page.getByTestId('gallery-options-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  await expect(page.getByTestId('gallery-options')).toBeVisible();
}

test('filter by a tag and a search, then reload and go back', async ({ page, finish }) => {
  await page.goto('/gallery');
  await expect(page.getByTestId('gallery-item').first()).toBeVisible();
  await openOptions(page);

  await page.getByTestId('tag-filter-input').fill('landsc');
  await page.getByRole('option', { name: 'landscape', exact: true }).click();
  await expect(page).toHaveURL(/[?&]tags=landscape(&|$)/);
  await expect(page.getByTestId('tag-chip')).toHaveText(['landscape']);
  await expect(page.getByTestId('gallery-count')).toHaveText('34 images');

  await page.getByTestId('gallery-search').fill('forest');
  await page.getByTestId('gallery-search').press('Enter');
  await expect(page).toHaveURL(/[?&]q=forest(&|$)/);
  await expect(page).toHaveURL(/[?&]tags=landscape(&|$)/);
  await expect(page.getByTestId('gallery-count')).toHaveText('4 images');
  await expect(page.getByTestId('gallery-item')).toHaveCount(4);

  await page.reload();
  await expect(page.getByTestId('gallery-count')).toHaveText('4 images');
  await openOptions(page);
  await expect(page.getByTestId('gallery-search')).toHaveValue('forest');
  await expect(page.getByTestId('tag-chip')).toHaveText(['landscape']);

  // Back undoes the search but keeps the tag.
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.getByTestId('gallery-count')).toHaveText('34 images');
  await openOptions(page);
  await expect(page.getByTestId('gallery-search')).toHaveValue('');
  await expect(page.getByTestId('tag-chip')).toHaveText(['landscape']);

  await page.goForward();
  await expect(page.getByTestId('gallery-count')).toHaveText('4 images');
  await openOptions(page);
  await expect(page.getByTestId('gallery-search')).toHaveValue('forest');
  await finish('gallery');
});

test('the app bar search opens the gallery with the query in the URL', async ({ page }) => {
  await page.goto('/gallery');
  await page.getByTestId('app-search').fill('castle');
  await page.getByTestId('app-search').press('Enter');
  await expect(page).toHaveURL(/\/gallery\?q=castle$/);
  await expect(page.getByTestId('gallery-count')).toHaveText('5 images');
});
