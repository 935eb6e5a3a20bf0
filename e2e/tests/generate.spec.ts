// Journeys (d) and (e): queue a batch of two and follow it over the WebSocket until both images show;
// queue a long job and cancel it while it runs. The ComfyUI mock takes E2E_MOCK_STEP_MS per step.
// The prompts hold no tag words (generated images are tagged from their prompt), so the new images
// never change the tag counts the gallery and tag journeys expect, whichever runs first.
import type { Locator, Page } from '@playwright/test';
import { asDemo, expect, navigate, test } from '../support/fixtures';

asDemo();

async function queueJob(page: Page, options: { prompt: string; batch: number; steps: number }) {
  await navigate(page, 'generate');
  const form = page.getByTestId('generate-form');
  await expect(form).toBeVisible();
  await page.getByTestId('prompt-input').fill(options.prompt);
  // Small images keep the mock's rendering quick.
  await page.getByTestId('field-width').fill('256');
  await page.getByTestId('field-height').fill('256');
  await page.getByTestId('field-batchSize').fill(String(options.batch));
  await page.getByTestId('field-steps').fill(String(options.steps));
  await expect(page.getByTestId('checkpoint-select')).not.toHaveValue('');
  await page.getByTestId('generate-submit').click();

  const card = page.getByTestId('session-jobs').locator('[data-testid^="job-card-"]').first();
  await expect(card).toBeVisible();
  const id = (await card.getAttribute('data-testid'))!.replace('job-card-', '');
  await expect(page.getByTestId(`job-prompt-${id}`)).toHaveText(options.prompt);
  return { card, id };
}

/** Every image of the card has loaded (a broken image would never complete with a size). */
async function expectImagesLoaded(images: Locator, count: number) {
  await expect(images).toHaveCount(count);
  for (const image of await images.all()) {
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
  }
}

test('generate a batch of two and watch it until both images show', async ({ page, finish }) => {
  await page.goto('/');
  const prompt = `e2e batch check ${Date.now().toString(36)}`;
  const { card, id } = await queueJob(page, { prompt, batch: 2, steps: 40 });

  // Two images of 40 steps take a few seconds: long enough to see the job run and its bar move.
  const progress = page.getByTestId(`job-progress-${id}`);
  await expect(progress).toBeVisible();
  await expect(card).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect(card).toHaveAttribute('data-status', 'completed', { timeout: 45_000 });
  await expect(page.getByTestId(`job-status-${id}`)).toHaveText('Completed');
  await expect(card).toContainText('100%');
  await expectImagesLoaded(card.getByTestId('job-image'), 2);
  await finish('generate', card);
});

test('cancel a running job', async ({ page, finish }) => {
  await page.goto('/');
  const prompt = `e2e cancel check ${Date.now().toString(36)}`;
  // 150 steps of the mock take several seconds: plenty of time to cancel.
  const { card, id } = await queueJob(page, { prompt, batch: 2, steps: 150 });

  await expect(card).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  await page.getByTestId(`cancel-job-${id}`).click();
  await expect(card).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 });
  await expect(page.getByTestId(`job-status-${id}`)).toHaveText('Cancelled');
  await expect(page.getByTestId(`cancel-job-${id}`)).toHaveCount(0);
  await expect(page.getByTestId(`retry-job-${id}`)).toBeVisible();
  await finish('cancel', card);
});
