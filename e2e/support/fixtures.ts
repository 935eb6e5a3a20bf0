// The test object every journey uses: it fails a test on any console error or uncaught page error, and
// `finish()` saves the journey's last screen as e2e/artifacts/<journey>-<project>.png.
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { ADMIN_STATE, DEMO_STATE } from './settings';
import { artifactsDir } from './stack';

/**
 * Chromium logs every failed response as a console error. A visitor's "who am I" answers 401 by
 * design (that is how the app learns nobody is signed in), so that one is expected everywhere.
 */
const EXPECTED_EVERYWHERE = [/status of 401 .*\/api\/v1\/auth\/me\)$/];

interface JourneyFixtures {
  /** Further console errors a test expects (e.g. the 401 of a refused login). */
  allowedConsoleErrors: RegExp[];
  /** Saves the journey's final screenshot, scrolled to `focus` when given. */
  finish: (journey: string, focus?: Locator) => Promise<void>;
}

export const test = base.extend<JourneyFixtures>({
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()} (${message.location().url})`;
      const expected = [...EXPECTED_EVERYWHERE, ...allowedConsoleErrors];
      if (!expected.some((pattern) => pattern.test(text))) problems.push(`console: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    await use(page);
    expect(problems, 'console errors and page errors').toEqual([]);
  },
  finish: async ({ page }, use, testInfo) => {
    await use(async (journey, focus) => {
      const file = path.join(artifactsDir, `${journey}-${testInfo.project.name}.png`);
      if (focus) await focus.scrollIntoViewIfNeeded();
      // What the user sees: a full-page capture draws the fixed app bar in the middle of the page.
      await page.screenshot({ path: file });
      await testInfo.attach(journey, { path: file, contentType: 'image/png' });
    });
  },
});

/** Journeys that act as the seeded `demo` user start signed in (see global-setup.ts). */
export const asDemo = () => test.use({ storageState: DEMO_STATE });

/** Journeys of the seeded `admin` start signed in as the admin. */
export const asAdmin = () => test.use({ storageState: ADMIN_STATE });

export const isMobile = (page: Page) => (page.viewportSize()?.width ?? 1280) < 600;

/** Opens the navigation (a drawer on phones) and follows one of its links. */
export async function navigate(
  page: Page,
  to: 'dashboard' | 'gallery' | 'generate' | 'tags' | 'bookmarks' | 'notifications',
) {
  if (isMobile(page)) await page.getByTestId('sidebar-toggle').click();
  await page.getByTestId(`nav-${to}`).filter({ visible: true }).click();
}

export { expect };
