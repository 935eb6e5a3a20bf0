// Demo data for `genonaut seed demo` and for the first `genonaut start`, and the demo logins it prints.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config';
import { createDatabase, type Database } from '../db/database';
import { seedDemo } from '../db/seeds/demo/demo-seed';
import { setDemoPassword } from '../db/seeds/demo/seed-people';
import { verifyPassword } from '../lib/password';
import { createStorage } from '../storage/create-storage';

const generatePassword = () => randomBytes(12).toString('base64url');

async function hasDemoUsers(db: Database): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', 'demo')
    .executeTakeFirst();
  return row !== undefined;
}

/** Makes sure admin and demo use GENONAUT_DEMO_PASSWORD when it is set (it may change between starts). */
async function applyConfiguredPassword(db: Database, password: string): Promise<void> {
  const demo = await db
    .selectFrom('users')
    .select('password_hash')
    .where(sql<string>`lower(username)`, '=', 'demo')
    .executeTakeFirst();
  if (demo && !(await verifyPassword(demo.password_hash, password))) await setDemoPassword(db, password);
}

const loginsMessage = (password: string, generated: boolean) =>
  `Demo logins: admin / ${password} (administrator) and demo / ${password}` +
  (generated
    ? '\n[genonaut] This password is shown only now; set GENONAUT_DEMO_PASSWORD to choose your own.'
    : '');

/**
 * On `start`: seeds an empty database and returns the logins to print; later starts print them only
 * when the password comes from GENONAUT_DEMO_PASSWORD.
 */
export async function prepareDemoData(config: Config, say: (m: string) => void): Promise<string | null> {
  if (!config.seedDemoOnStart) return null;
  const db = createDatabase({ url: config.databaseUrl ?? '', poolSize: 4, applicationName: 'genonaut-seed' });
  try {
    if (await hasDemoUsers(db)) {
      if (config.demoPassword) {
        await applyConfiguredPassword(db, config.demoPassword);
        return loginsMessage(config.demoPassword, false);
      }
      return 'Demo logins: admin and demo, with the password printed when the demo data was created (set GENONAUT_DEMO_PASSWORD to reset it).';
    }
    const password = config.demoPassword ?? generatePassword();
    say('First start: seeding the demo data (about a minute)…');
    const started = Date.now();
    const summary = await seedDemo(db, createStorage(config), {
      password,
      log: say,
      hideThreshold: config.moderationHideThreshold,
    });
    say(
      `Demo data ready in ${Math.round((Date.now() - started) / 1000)} s: ${summary.createdItems} items, ${summary.tags} tags.`,
    );
    return loginsMessage(password, !config.demoPassword);
  } finally {
    await db.destroy();
  }
}

export async function runSeedDemo(config: Config, databaseUrl: string): Promise<void> {
  const db = createDatabase({ url: databaseUrl, poolSize: 4, applicationName: 'genonaut-seed' });
  const log = (m: string) => console.log(m);
  try {
    const existed = await hasDemoUsers(db);
    const password = config.demoPassword ?? generatePassword();
    const summary = await seedDemo(db, createStorage(config), {
      password,
      log,
      hideThreshold: config.moderationHideThreshold,
    });
    if (existed && config.demoPassword) await applyConfiguredPassword(db, config.demoPassword);
    console.log(
      `Demo data: ${summary.tags} tags; ${summary.createdItems} new items, ${summary.renderedImages} images rendered, ` +
        `${summary.ratings} ratings, ${summary.bookmarks} new bookmarks.`,
    );
    if (!existed || config.demoPassword) console.log(loginsMessage(password, !config.demoPassword));
  } finally {
    await db.destroy();
  }
}
