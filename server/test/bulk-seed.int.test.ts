// `seed bulk` at a small size against a real database: every kind of row is written, the counters the
// triggers would keep are right, and the tag distribution has both very common and rare tags.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBulk, type BulkSeedSummary } from '../src/db/seeds/bulk/bulk-seed';
import { createDatabase, type Database } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { LocalStorage } from '../src/storage/local-storage';
import { scratchDatabase } from './test-context';

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let db: Database;
let dir: string;
let summary: BulkSeedSummary;
let indexesBefore: string[];
const indexDefinitions = async () =>
  (
    await sql<{ definition: string }>`SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index
      WHERE indrelid IN ('content_items'::regclass, 'content_tags'::regclass, 'content_ratings'::regclass,
                         'user_interactions'::regclass, 'bookmarks'::regclass)
      ORDER BY 1`.execute(db)
  ).rows.map((r) => r.definition);
beforeAll(async () => {
  scratch = await scratchDatabase('bulk');
  await migrateToLatest(scratch.url);
  db = createDatabase({ url: scratch.url, poolSize: 2 });
  indexesBefore = await indexDefinitions();
  dir = await mkdtemp(path.join(os.tmpdir(), 'genonaut-bulk-'));
  summary = await seedBulk(scratch.url, new LocalStorage(dir), {
    items: 2_000,
    users: 50,
    seed: 4,
    password: 'bench-password',
    hideThreshold: 75,
  });
});
afterAll(async () => {
  await db.destroy();
  await scratch.drop();
  await rm(dir, { recursive: true, force: true });
});

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows[0] as T;

describe('seed bulk', () => {
  it('builds the secondary indexes it set aside for the load again, exactly as they were', async () => {
    expect(indexesBefore.length).toBeGreaterThan(10);
    expect(await indexDefinitions()).toEqual(indexesBefore);
  });

  it('writes items, users, about 30 tags per item, ratings, interactions and bookmarks', async () => {
    const c = await one(sql<Record<string, number>>`SELECT
      (SELECT count(*) FROM content_items)::int AS items,
      (SELECT count(*) FROM users)::int AS users,
      (SELECT count(*) FROM tags)::int AS tags,
      (SELECT count(*) FROM content_tags)::int AS content_tags,
      (SELECT count(*) FROM content_ratings)::int AS ratings,
      (SELECT count(*) FROM user_interactions)::int AS interactions,
      (SELECT count(*) FROM bookmarks)::int AS bookmarks`);
    expect(c).toMatchObject({ items: 2_000, users: 50, tags: 1_000 });
    expect(c.content_tags).toBe(summary.contentTags);
    expect((c.content_tags ?? 0) / 2_000).toBeGreaterThan(25);
    expect((c.content_tags ?? 0) / 2_000).toBeLessThan(35);
    expect(c.ratings).toBeGreaterThan(1_500);
    expect(c.interactions).toBeGreaterThan(1_500);
    expect(c.bookmarks).toBeGreaterThan(200);
  });

  it('keeps the counters the triggers would keep, and files every bookmark in the default category', async () => {
    const wrong = await one(sql<{
      ratings: number;
      bookmarks: number;
      unfiled: number;
      defaults: number;
    }>`SELECT
      (SELECT count(*) FROM content_items c WHERE c.rating_count <> (SELECT count(*) FROM content_ratings r WHERE r.content_id = c.id)
         OR abs(c.rating_avg - COALESCE((SELECT avg(r.rating) FROM content_ratings r WHERE r.content_id = c.id), 0)) > 0.01)::int AS ratings,
      (SELECT count(*) FROM content_items c WHERE c.bookmark_count <> (SELECT count(*) FROM bookmarks b WHERE b.content_id = c.id))::int AS bookmarks,
      (SELECT count(*) FROM bookmarks b WHERE NOT EXISTS (SELECT 1 FROM bookmark_category_members m WHERE m.bookmark_id = b.id))::int AS unfiled,
      (SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM bookmark_categories d WHERE d.user_id = u.id AND d.is_default))::int AS defaults`);
    expect(wrong).toEqual({ ratings: 0, bookmarks: 0, unfiled: 0, defaults: 0 });
  });

  it('has very common and very rare tags, counted in the statistics', async () => {
    const s = await one(sql<{ top: number; rare: number }>`SELECT
      max(content_count)::int AS top, count(*) FILTER (WHERE content_count <= 2)::int AS rare
      FROM tag_cardinality_stats WHERE source = 'all'`);
    expect(s.top).toBeGreaterThan(700);
    expect(s.rare).toBeGreaterThan(100);
  });

  it('points every item at a pooled image of its own size', async () => {
    const bad = await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM content_items
      WHERE storage_key IS NULL OR storage_key NOT LIKE ${`bench-pool/${'%'}x%/original.png`}
        OR storage_key <> 'bench-pool/' || width || 'x' || height || '/original.png'`);
    expect(bad.n).toBe(0);
  });

  it('refuses a database that already has items', async () => {
    await expect(
      seedBulk(scratch.url, new LocalStorage(dir), {
        items: 10,
        users: 2,
        seed: 1,
        password: 'x',
        hideThreshold: 75,
      }),
    ).rejects.toThrow(/empty database/);
  });
});
