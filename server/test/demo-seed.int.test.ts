// The demo seed against a real database and storage directory: it makes every kind of demo row and a
// second run changes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/db/seeds/demo/demo-seed';
import { createDatabase, type Database } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { verifyPassword } from '../src/lib/password';
import { LocalStorage } from '../src/storage/local-storage';
import { sessionCookie } from './auth-helpers';
import { buildTestApp, scratchDatabase } from './test-context';

// The demo seed creates the users `admin` and `demo`: it gets a database of its own.
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let db: Database;
let dir: string;
beforeAll(async () => {
  scratch = await scratchDatabase('seed');
  await migrateToLatest(scratch.url);
  db = createDatabase({ url: scratch.url, poolSize: 2 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'genonaut-seed-'));
});
afterAll(async () => {
  await db.destroy();
  await scratch.drop();
  await rm(dir, { recursive: true, force: true });
});

const counts = async () => {
  const { rows } = await sql<Record<string, number>>`
    SELECT
      (SELECT count(*) FROM content_items WHERE metadata ? 'demoKey')::int AS items,
      (SELECT count(*) FROM content_items WHERE metadata ? 'demoKey' AND storage_key IS NULL)::int AS without_file,
      (SELECT count(*) FROM content_ratings)::int AS ratings,
      (SELECT count(*) FROM bookmarks)::int AS bookmarks,
      (SELECT count(*) FROM bookmark_category_members)::int AS memberships,
      (SELECT count(*) FROM notifications)::int AS notifications,
      (SELECT count(*) FROM generation_jobs)::int AS jobs,
      (SELECT count(DISTINCT status) FROM generation_jobs)::int AS job_states,
      (SELECT count(*) FROM tags)::int AS tags,
      (SELECT count(*) FROM tag_parents)::int AS tag_edges,
      (SELECT count(*) FROM models_checkpoints)::int AS checkpoints,
      (SELECT count(*) FROM models_loras)::int AS loras,
      (SELECT count(*) FROM flag_words)::int AS flag_words,
      (SELECT count(*) FROM tag_cardinality_stats)::int AS tag_stats,
      (SELECT count(*) FROM content_tags)::int AS content_tags,
      (SELECT count(*) FROM recommendation_refreshes f JOIN users u ON u.id = f.user_id
        WHERE u.username = 'demo')::int AS demo_recommended`.execute(db);
  return rows[0] ?? {};
};

describe('seed demo', () => {
  it('creates the demo data set with real images, and is idempotent', async () => {
    const storage = new LocalStorage(dir);
    await seedDemo(db, storage, { password: 'demo-password-123', itemCount: 60 });
    const first = await counts();
    expect(first).toMatchObject({ items: 60, without_file: 0, job_states: 5, checkpoints: 6, loras: 6 });
    expect(first.tags).toBeGreaterThanOrEqual(120);
    expect(first.bookmarks).toBeGreaterThan(0);
    expect(first.notifications).toBeGreaterThan(0);
    expect(first.content_tags).toBeGreaterThan(60);
    expect(first.tag_stats).toBeGreaterThan(0);
    // Every seeded person rates 60 items, so with 60 items nothing is left to recommend; what counts
    // here is that the demo user's list was computed (with ~2 000 items it is full).
    expect(first.demo_recommended).toBe(1);

    const item = await db
      .selectFrom('content_items')
      .select(['storage_key', 'thumbnails', 'mime_type'])
      .where(sql<boolean>`metadata ? 'demoKey'`)
      .executeTakeFirstOrThrow();
    expect(item.mime_type).toBe('image/png');
    expect(await storage.exists(item.storage_key ?? '')).toBe(true);
    const thumbs = item.thumbnails as Record<string, { key: string }>;
    expect(Object.keys(thumbs).sort()).toEqual(['large', 'medium', 'small']);
    expect(await storage.exists(thumbs.small?.key ?? '')).toBe(true);

    const demo = await db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(demo.password_hash, 'demo-password-123')).toBe(true);

    await seedDemo(db, storage, { password: 'another-password-456', itemCount: 60 });
    expect(await counts()).toEqual(first);
  });

  it('lets admin and demo log in with the demo password; admin reaches admin routes', async () => {
    const app = await buildTestApp({ DATABASE_URL: scratch.url });
    try {
      for (const username of ['admin', 'demo']) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login: username, password: 'demo-password-123' },
        });
        expect(response.statusCode).toBe(200);
        const cookie = sessionCookie(response);
        const admin = await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie } });
        expect(admin.statusCode).toBe(username === 'admin' ? 200 : 403);
      }
    } finally {
      await app.close();
    }
  });
});
