// The browser tests' own database, run with tsx (it uses the server's code, which Playwright's loader
// does not transpile):
//   prepare  creates a scratch database `genonaut_e2e_<hex>` on the test PostgreSQL, migrates it and
//            seeds a small demo data set (E2E_DEMO_ITEMS items, default 120), then prints its URL as JSON.
//            Without a usable server it prints `{}`: `genonaut start` then runs an embedded PostgreSQL
//            in the run's temporary directory and seeds the full demo itself (slower, still isolated).
//   cleanup  drops that database and deletes the run's Redis keys (E2E_DATABASE_URL, E2E_ADMIN_URL,
//            REDIS_KEY_PREFIX, REDIS_URL from the environment).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../../server/src/config';
import { createDatabase } from '../../server/src/db/database';
import { migrateToLatest } from '../../server/src/db/migrate';
import { seedDemo } from '../../server/src/db/seeds/demo/demo-seed';
import { createRedis } from '../../server/src/lib/redis';
import {
  createScratchDatabase,
  dropDatabase,
  localServerCandidates,
  probeAdmin,
} from '../../server/src/runtime/test-database';
import { createStorage } from '../../server/src/storage/create-storage';

const log = (message: string) => console.error(`[e2e database] ${message}`);

async function findAdminUrl(): Promise<string | null> {
  const candidates = process.env.TEST_DATABASE_URL
    ? [process.env.TEST_DATABASE_URL]
    : localServerCandidates(os.userInfo().username);
  for (const url of candidates) {
    if ((await probeAdmin(url)) === null) return url;
  }
  return null;
}

async function prepare(): Promise<void> {
  const adminUrl = await findAdminUrl();
  if (!adminUrl) {
    log('No PostgreSQL that lets us create databases; `genonaut start` will run an embedded one.');
    console.log(JSON.stringify({}));
    return;
  }
  const databaseUrl = await createScratchDatabase(adminUrl, `genonaut_e2e_${randomBytes(4).toString('hex')}`);
  // From here on a failure must not leave the database behind.
  try {
    await migrateToLatest(databaseUrl);
    const config = loadConfig(process.env);
    const db = createDatabase({ url: databaseUrl, poolSize: 4, applicationName: 'genonaut-e2e-seed' });
    try {
      const started = Date.now();
      const summary = await seedDemo(db, createStorage(config), {
        password: config.demoPassword ?? '',
        itemCount: Number(process.env.E2E_DEMO_ITEMS ?? '120'),
        hideThreshold: config.moderationHideThreshold,
      });
      log(`Seeded ${summary.createdItems} items and ${summary.tags} tags in ${Date.now() - started} ms`);
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await dropDatabase(adminUrl, new URL(databaseUrl).pathname.slice(1));
    throw error;
  }
  console.log(JSON.stringify({ adminUrl, databaseUrl }));
}

async function cleanup(): Promise<void> {
  const { E2E_ADMIN_URL: adminUrl, E2E_DATABASE_URL: databaseUrl, REDIS_KEY_PREFIX: prefix } = process.env;
  if (adminUrl && databaseUrl) {
    await dropDatabase(adminUrl, new URL(databaseUrl).pathname.slice(1));
    log('Dropped the scratch database');
  }
  // The prefix is unique to the run (e2e-<hex>), so every key that starts with it is ours.
  if (prefix?.startsWith('e2e-')) {
    const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'e2e-cleanup' });
    try {
      await redis.connect();
      let deleted = 0;
      for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
        const batch = keys as string[];
        if (batch.length > 0) deleted += await redis.del(...batch);
      }
      log(`Deleted ${deleted} Redis keys`);
    } finally {
      redis.disconnect();
    }
  }
}

const task = process.argv[2];
if (task === 'prepare') await prepare();
else if (task === 'cleanup') await cleanup();
else throw new Error(`Unknown task "${task}": use prepare or cleanup`);
