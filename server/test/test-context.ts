// What every integration test shares: the scratch database and Redis the global setup prepared, the
// test configuration, and an app built on them (through app.inject, never a port).
import { sql } from 'kysely';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createDatabase, type Database } from '../src/db/database';
import { createRedis } from '../src/lib/redis';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    GENONAUT_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    // A prefix per test file keeps queues and keys of parallel files apart.
    REDIS_KEY_PREFIX: `gtest-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    LOG_LEVEL: 'silent',
    STORAGE_DIR: inject('storageDir'),
    ...overrides,
  });
}

export function testDatabase(): Database {
  return createDatabase({ url: inject('databaseUrl'), poolSize: 4 });
}

export async function buildTestApp(overrides: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = testConfig(overrides);
  const redis = createRedis(config.redisUrl, { name: 'genonaut-test' });
  await redis.connect();
  const app = await buildApp({ config, logger: false, redis });
  app.addHook('onClose', () => {
    redis.disconnect();
  });
  await app.ready();
  return app;
}

/**
 * A database of the test's own on the test server, for tests that need a whole schema to themselves
 * (migrations, the demo seed). `drop()` removes it.
 */
export async function scratchDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = testDatabase();
  const name = `genonaut_${label}_${process.pid}_${Date.now()}`;
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
      await admin.destroy();
    },
  };
}
