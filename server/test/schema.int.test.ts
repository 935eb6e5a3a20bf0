// The data model's rules, proven against the real migrated schema.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createContent, createJob, createTag, createUser } from './factories';
import { testDatabase } from './test-context';

const db = testDatabase();
afterAll(() => db.destroy());

const defaultCategoryOf = (userId: string) =>
  db
    .selectFrom('bookmark_categories')
    .selectAll()
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .executeTakeFirstOrThrow();

describe('prompt immutability', () => {
  it('refuses a changed prompt on content_items but allows other updates', async () => {
    const user = await createUser(db);
    const item = await createContent(db, user.id, { prompt: 'original words' });
    await expect(
      db.updateTable('content_items').set({ prompt: 'rewritten' }).where('id', '=', item.id).execute(),
    ).rejects.toThrow(/prompt of content_items .* is immutable/);
    await db
      .updateTable('content_items')
      .set({ title: 'Renamed', prompt: 'original words' })
      .where('id', '=', item.id)
      .execute();
    const after = await db
      .selectFrom('content_items')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ title: 'Renamed', prompt: 'original words' });
  });

  it('refuses a changed prompt on generation_jobs', async () => {
    const user = await createUser(db);
    const job = await createJob(db, user.id);
    await expect(
      db.updateTable('generation_jobs').set({ prompt: 'something else' }).where('id', '=', job.id).execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'generation_jobs_prompt_immutable' });
    await db
      .updateTable('generation_jobs')
      .set({ progress: 0.5, status: 'running' })
      .where('id', '=', job.id)
      .execute();
  });
});

describe('bookmark categories', () => {
  it('gives every new user exactly one default category, which cannot be deleted or demoted', async () => {
    const user = await createUser(db);
    const categories = await db
      .selectFrom('bookmark_categories')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(categories).toHaveLength(1);
    expect(categories[0]).toMatchObject({ name: 'Uncategorized', is_default: true });
    const id = categories[0]?.id ?? '';

    await expect(db.deleteFrom('bookmark_categories').where('id', '=', id).execute()).rejects.toMatchObject({
      constraint: 'bookmark_categories_default_kept',
    });
    await expect(
      db.updateTable('bookmark_categories').set({ is_default: false }).where('id', '=', id).execute(),
    ).rejects.toMatchObject({ constraint: 'bookmark_categories_default_kept' });
    await expect(
      db
        .insertInto('bookmark_categories')
        .values({ user_id: user.id, name: 'Second', is_default: true })
        .execute(),
    ).rejects.toMatchObject({ code: '23505', constraint: 'bookmark_categories_one_default_key' });
  });

  it('makes membership of another user’s category impossible', async () => {
    const alice = await createUser(db);
    const bob = await createUser(db);
    const item = await createContent(db, alice.id);
    const bookmark = await db
      .insertInto('bookmarks')
      .values({ user_id: alice.id, content_id: item.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    const bobsCategory = await defaultCategoryOf(bob.id);
    // Claiming to be Bob does not help: the bookmark is Alice's; claiming to be Alice: the category is Bob's.
    for (const userId of [alice.id, bob.id]) {
      await expect(
        db
          .insertInto('bookmark_category_members')
          .values({ bookmark_id: bookmark.id, category_id: bobsCategory.id, user_id: userId })
          .execute(),
      ).rejects.toMatchObject({ code: '23503' });
    }
  });

  it('puts a new bookmark into the default category and returns it there when its last category goes', async () => {
    const user = await createUser(db);
    const item = await createContent(db, user.id);
    const fallback = await defaultCategoryOf(user.id);
    const art = await db
      .insertInto('bookmark_categories')
      .values({ user_id: user.id, name: 'Art' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const bookmark = await db
      .insertInto('bookmarks')
      .values({ user_id: user.id, content_id: item.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    const membership = () =>
      db
        .selectFrom('bookmark_category_members')
        .select('category_id')
        .where('bookmark_id', '=', bookmark.id)
        .execute();
    expect(await membership()).toEqual([{ category_id: fallback.id }]);

    // Moving (add there, remove here) in one transaction leaves it only in the new category.
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('bookmark_category_members')
        .values({ bookmark_id: bookmark.id, category_id: art.id, user_id: user.id })
        .execute();
      await trx.deleteFrom('bookmark_category_members').where('category_id', '=', fallback.id).execute();
    });
    expect(await membership()).toEqual([{ category_id: art.id }]);

    await db.deleteFrom('bookmark_categories').where('id', '=', art.id).execute();
    expect(await membership()).toEqual([{ category_id: fallback.id }]);
    expect(
      await db
        .selectFrom('content_items')
        .select('bookmark_count')
        .where('id', '=', item.id)
        .executeTakeFirst(),
    ).toEqual({
      bookmark_count: 1,
    });
  });

  it('keeps names unique per user and parent, case-insensitively, and refuses category cycles', async () => {
    const user = await createUser(db);
    const a = await db
      .insertInto('bookmark_categories')
      .values({ user_id: user.id, name: 'Trips' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await expect(
      db.insertInto('bookmark_categories').values({ user_id: user.id, name: 'TRIPS' }).execute(),
    ).rejects.toMatchObject({
      constraint: 'bookmark_categories_name_key',
    });
    const b = await db
      .insertInto('bookmark_categories')
      .values({ user_id: user.id, name: 'Trips', parent_id: a.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await expect(
      db.updateTable('bookmark_categories').set({ parent_id: b.id }).where('id', '=', a.id).execute(),
    ).rejects.toMatchObject({ constraint: 'bookmark_categories_no_cycle' });
  });
});

describe('tag hierarchy', () => {
  it('derives tag ids from slugs (UUID v5), the same in every database', async () => {
    const tag = await createTag(db, { slug: `stable-${Date.now()}` });
    const { v5 } = await sql<{
      v5: string;
    }>`select uuid_generate_v5('6f1c3e0a-2b7d-4c59-9a8e-3d5b7c1f2e40'::uuid, ${tag.slug}) as v5`
      .execute(db)
      .then((r) => r.rows[0] ?? { v5: '' });
    expect(tag.id).toBe(v5);
  });

  it('refuses self edges and cycles of any length, and allows several parents', async () => {
    const [a, b, c, d] = await Promise.all([createTag(db), createTag(db), createTag(db), createTag(db)]);
    if (!a || !b || !c || !d) throw new Error('tags not created');
    const edge = (tag: string, parent: string) =>
      db.insertInto('tag_parents').values({ tag_id: tag, parent_id: parent }).execute();
    await edge(b.id, a.id);
    await edge(c.id, b.id);
    await edge(c.id, d.id); // a second parent is fine
    await expect(edge(a.id, a.id)).rejects.toMatchObject({ constraint: 'tag_parents_no_self_edge' });
    await expect(edge(a.id, c.id)).rejects.toMatchObject({
      code: '23514',
      constraint: 'tag_parents_no_cycle',
    });
    await expect(
      db
        .updateTable('tag_parents')
        .set({ parent_id: c.id })
        .where('tag_id', '=', b.id)
        .where('parent_id', '=', a.id)
        .execute(),
    ).rejects.toMatchObject({ constraint: 'tag_parents_no_cycle' });
  });
});

describe('cascades and counters', () => {
  it('deleting a user removes their content, bookmarks, categories, ratings and queues the files', async () => {
    const user = await createUser(db);
    const other = await createUser(db);
    const tag = await createTag(db);
    const item = await createContent(db, user.id, {
      storage_key: `test/${user.id}/original.png`,
      thumbnails: { small: { key: `test/${user.id}/small.webp` } },
    });
    const othersItem = await createContent(db, other.id);
    await db.insertInto('content_tags').values({ content_id: item.id, tag_id: tag.id }).execute();
    await db
      .insertInto('content_ratings')
      .values({ user_id: other.id, content_id: item.id, rating: 4 })
      .execute();
    await db
      .insertInto('content_ratings')
      .values({ user_id: user.id, content_id: othersItem.id, rating: 2 })
      .execute();
    await db.insertInto('bookmarks').values({ user_id: other.id, content_id: item.id }).execute();
    await db.insertInto('notifications').values({ user_id: user.id, type: 'system', title: 'hi' }).execute();

    await db.deleteFrom('users').where('id', '=', user.id).execute();

    const count = async (
      table: 'content_items' | 'bookmark_categories' | 'notifications',
      column: 'creator_id' | 'user_id',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(column, '=', user.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('content_items', 'creator_id')).toBe(0);
    expect(await count('bookmark_categories', 'user_id')).toBe(0);
    expect(await count('notifications', 'user_id')).toBe(0);
    expect(
      await db.selectFrom('content_tags').selectAll().where('content_id', '=', item.id).execute(),
    ).toEqual([]);
    expect(await db.selectFrom('bookmarks').selectAll().where('content_id', '=', item.id).execute()).toEqual(
      [],
    );
    const keys = await db
      .selectFrom('storage_deletions')
      .select('storage_key')
      .where('storage_key', 'like', `test/${user.id}/%`)
      .orderBy('storage_key')
      .execute();
    expect(keys.map((k) => k.storage_key)).toEqual([
      `test/${user.id}/original.png`,
      `test/${user.id}/small.webp`,
    ]);
    // The other user's item lost the deleted user's rating.
    expect(
      await db
        .selectFrom('content_items')
        .select(['rating_avg', 'rating_count'])
        .where('id', '=', othersItem.id)
        .executeTakeFirst(),
    ).toEqual({ rating_avg: 0, rating_count: 0 });
  });

  it('keeps rating_avg and rating_count right through insert, update and delete', async () => {
    const [owner, r1, r2] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
    const item = await createContent(db, owner.id);
    const stats = () =>
      db
        .selectFrom('content_items')
        .select(['rating_avg', 'rating_count'])
        .where('id', '=', item.id)
        .executeTakeFirst();
    await db
      .insertInto('content_ratings')
      .values({ user_id: r1.id, content_id: item.id, rating: 5 })
      .execute();
    await db
      .insertInto('content_ratings')
      .values({ user_id: r2.id, content_id: item.id, rating: 2 })
      .execute();
    expect(await stats()).toEqual({ rating_avg: 3.5, rating_count: 2 });
    await db.updateTable('content_ratings').set({ rating: 4 }).where('user_id', '=', r2.id).execute();
    expect(await stats()).toEqual({ rating_avg: 4.5, rating_count: 2 });
    await db.deleteFrom('content_ratings').where('user_id', '=', r1.id).execute();
    expect(await stats()).toEqual({ rating_avg: 4, rating_count: 1 });
  });

  it('makes job completion idempotent: one content item per (job, output index)', async () => {
    const user = await createUser(db);
    const job = await createJob(db, user.id);
    await createContent(db, user.id, { generation_job_id: job.id, output_index: 0 });
    await expect(
      createContent(db, user.id, { generation_job_id: job.id, output_index: 0 }),
    ).rejects.toMatchObject({
      constraint: 'content_items_job_output_key',
    });
  });
});

describe('schema hygiene', () => {
  it('has an index for every foreign key', async () => {
    const { rows } = await sql<{ table: string; constraint: string }>`
      SELECT c.conrelid::regclass::text AS table, c.conname AS constraint
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (
          SELECT 1 FROM pg_index i
          WHERE i.indrelid = c.conrelid
            AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
            AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey
        )`.execute(db);
    expect(rows).toEqual([]);
  });

  it('gives every id and created_at column a server-side default', async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      SELECT c.table_name AS table, c.column_name AS column
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name NOT LIKE 'kysely_%'
        AND c.column_name IN ('id', 'created_at', 'updated_at')
        AND c.column_default IS NULL AND c.is_identity = 'NO'
        AND NOT (c.table_name = 'tags' AND c.column_name = 'id')`.execute(db);
    expect(rows).toEqual([]);
  });

  it('stores every timestamp as timestamptz', async () => {
    const { rows } = await sql<{ column: string }>`
      SELECT table_name || '.' || column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('timestamp without time zone', 'date')`.execute(db);
    expect(rows).toEqual([]);
  });
});
