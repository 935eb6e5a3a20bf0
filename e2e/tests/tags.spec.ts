// Journey (f): browse the tag tree down to a tag, tick it and open its images in the gallery.
// The seeded hierarchy has Subject › Nature › Landscape; Landscape and its sub-tags cover 34 items.
import type { Page } from '@playwright/test';
import { expect, navigate, test } from '../support/fixtures';

/** Opens a branch with its expand icon (the tree opens branches only from the icon). */
async function expand(page: Page, slug: string) {
  const row = page.getByTestId(`tag-tree-item-${slug}`);
  await row.locator('.MuiTreeItem-iconContainer').first().click();
  await expect(row).toHaveAttribute('aria-expanded', 'true');
}

test('browse the tag tree into the gallery', async ({ page, finish }) => {
  // Tags are public: a visitor starts from the gallery (the dashboard would ask them to sign in).
  await page.goto('/gallery');
  await navigate(page, 'tags');
  await expect(page).toHaveURL(/\/tags$/);
  await expect(page.getByTestId('tags-tree')).toBeVisible();

  await expand(page, 'subject');
  await expand(page, 'nature');
  const landscape = page.getByTestId('tag-tree-item-landscape');
  await expect(landscape).toBeVisible();
  // The row's box is hidden from assistive technology; the row itself carries aria-checked.
  await landscape.locator('input[type="checkbox"]').first().click();
  await expect(landscape).toHaveAttribute('aria-checked', 'true');

  const selection = page.getByTestId('tags-selection-bar');
  await expect(selection.getByTestId('selected-tag-chip')).toHaveText(['Landscape']);
  await expect(page.getByTestId('tags-selected-count')).toHaveText('1 selected');
  // The tree's state is in the URL too: a reload keeps the open branches and the ticked tag.
  await page.reload();
  await expect(page.getByTestId('tag-tree-item-landscape')).toHaveAttribute('aria-checked', 'true');

  await page.getByTestId('show-in-gallery').click();
  await expect(page).toHaveURL(/\/gallery\?(.*&)?tags=landscape(&|$)/);
  await expect(page.getByTestId('gallery-count')).toHaveText('34 images');
  await expect(page.getByTestId('gallery-item').first()).toBeVisible();
  await finish('tags');
});
