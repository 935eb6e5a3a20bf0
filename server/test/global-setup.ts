// Integration tests share one scratch database per run: created here on the test PostgreSQL (see
// resolveTestPostgres), migrated to the latest schema, and dropped afterwards. Redis must be running.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../src/db/migrate';
import { redactUrl } from '../src/runtime/pg-admin';
import { isRedisReachable, REDIS_MISSING_MESSAGE } from '../src/runtime/redis-server';
import { createScratchDatabase, dropDatabase, resolveTestPostgres } from '../src/runtime/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    /** One storage directory for the run: the cleanup job may process any test's deleted files. */
    storageDir: string;
  }
}

const log = (msg: string): void => console.log(`[test setup] ${msg}`);

let cleanup: (() => Promise<void>) | undefined;
let storageCleanup: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const env = process.env;
  const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await isRedisReachable(redisUrl, 2_000))) {
    throw new Error(`No Redis answers at ${redactUrl(redisUrl)}. ${REDIS_MISSING_MESSAGE}`);
  }

  const server = await resolveTestPostgres(env, log);
  const name = `genonaut_test_${randomBytes(4).toString('hex')}`;
  let created = false;
  cleanup = async () => {
    try {
      if (created && env.KEEP_TEST_DB === '1') log(`Kept the test database ${name} (KEEP_TEST_DB=1)`);
      else if (created) await dropDatabase(server.adminUrl, name);
    } finally {
      await server.stop?.();
    }
  };
  try {
    const databaseUrl = await createScratchDatabase(server.adminUrl, name);
    created = true;
    await migrateToLatest(databaseUrl);
    log(`Test database ${name} is ready`);
    project.provide('databaseUrl', databaseUrl);
    project.provide('redisUrl', redisUrl);
    const storageDir = await mkdtemp(path.join(os.tmpdir(), 'genonaut-test-storage-'));
    storageCleanup = () => rm(storageDir, { recursive: true, force: true });
    project.provide('storageDir', storageDir);
  } catch (error) {
    // Vitest skips teardown when setup throws.
    await cleanup();
    cleanup = undefined;
    throw error;
  }
}

export async function teardown(): Promise<void> {
  await storageCleanup?.();
  await cleanup?.();
  cleanup = undefined;
}
