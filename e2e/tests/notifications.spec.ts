// Journey: a notification arrives live while the demo user is on another page. A generation is
// submitted through the API with the page's own session (as the generate form would); when the
// ComfyUI mock finishes it, the bell's unread count goes up and the notification is in the bell's
// menu, with no reload. The prompt holds no tag words, so tag counts other journeys expect stay put.
import { BASE_URL } from '../support/settings';
import { asDemo, expect, navigate, test } from '../support/fixtures';

/** The few fields of the API's answers this journey reads. */
interface UnreadCount {
  unreadCount: number;
}
interface CheckpointList {
  items: { filename: string; isAvailable: boolean }[];
}
interface GenerationJob {
  id: number;
  title: string | null;
}

asDemo();

test('a finished job’s notification arrives live on another page', async ({ page, finish }) => {
  await page.goto('/');
  await navigate(page, 'gallery');
  await expect(page.getByTestId('gallery-page')).toBeVisible();
  const badge = page.getByTestId('unread-count');
  const unread = async () =>
    ((await (await page.request.get('/api/v1/notifications/unread-count')).json()) as UnreadCount)
      .unreadCount;
  // The badge takes the count from the socket's greeting; start from the count it agrees on.
  const before = await unread();
  await expect(badge).toHaveAttribute('data-count', String(before));

  // The page's request context shares its cookies; a state change with a cookie needs our Origin.
  const checkpoints = (await (await page.request.get('/api/v1/models/checkpoints')).json()) as CheckpointList;
  const checkpoint = checkpoints.items.find((c) => c.isAvailable) ?? checkpoints.items[0];
  expect(checkpoint, 'a checkpoint to generate with').toBeDefined();
  const title = `e2e live note ${Date.now().toString(36)}`;
  const response = await page.request.post('/api/v1/generation-jobs', {
    headers: { origin: BASE_URL },
    data: {
      prompt: 'e2e notification check',
      title,
      checkpoint: checkpoint!.filename,
      width: 256,
      height: 256,
      steps: 5,
    },
  });
  expect(response.status()).toBe(202);
  const job = (await response.json()) as GenerationJob;
  expect(job.title).toBe(title);

  await expect(badge).toHaveAttribute('data-count', String(before + 1), { timeout: 45_000 });
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(
    `Notifications, ${before + 1} unread`,
  );
  await expect(page).toHaveURL(/\/gallery/);
  await page.getByTestId('notification-bell').click();
  const entry = page.getByRole('menuitem').filter({ hasText: title });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Your images are ready');
  await finish('notifications', entry);

  // The entry opens the notification, which names the finished job.
  await entry.click();
  await expect(page).toHaveURL(/\/notifications\/\d+$/);
});
