import { defineConfig } from 'vitest/config';

// Projects named by what is real: unit tests beside the code, web component tests (jsdom + MSW, the
// web app's own Vite config), integration tests against a real PostgreSQL (a fresh database per run,
// see server/test/global-setup.ts) and a real Redis.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'contracts/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Runs with the unit tests (same group): pages against mocked API answers, no servers needed.
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          include: ['web/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['web/src/testing/setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/test/**/*.int.test.ts', 'server/src/**/*.int.test.ts'],
          exclude: ['server/test/generation*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The generation pipeline runs real workers against the ComfyUI mock with timing-sensitive
        // retries and timeouts: alone, after the other integration tests, on a quiet machine.
        test: {
          name: 'pipeline',
          // A test here has now and then found its fresh worker not taking a job (seen only after the
          // refused-connection test, in CI); until that is understood, a failed test gets a fresh stack.
          retry: 2,
          include: ['server/test/generation*.int.test.ts'],
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
