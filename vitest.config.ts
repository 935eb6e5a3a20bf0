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
          // The first test of a file also transforms the lazy route chunks it opens, and form tests drive
          // a heavy page through many events: generous on a busy 2-core machine.
          testTimeout: 60_000,
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
      {
        // Faults, hostile input and load (SPEC §13): slower, run after `npm test` (npm run test:reliability).
        test: {
          name: 'reliability',
          include: ['server/test/reliability/**/*.rel.test.ts'],
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      },
      {
        // Deployment files checked statically (Terraform, scripts, compose), and the Dockerfile's steps
        // run for real with the built server started under the ECS task definition's environment.
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
