// Ratings, interactions, bookmarks in categories, tag ratings and favourites, search history and
// notifications. Ratings and bookmarks are upserts; the demo user's one-off rows (categories' contents,
// notifications, searches) are created only when absent.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../database';
import { tagIdForSlug } from '../../../lib/tag-id';
import { createRng, pickDistinct } from '../vocabulary/compose-prompt';
import type { DemoPeople } from './seed-people';

interface Item {
  id: number;
  creator_id: string;
  quality_score: number | null;
  is_private: boolean;
}

async function publicItems(db: Database): Promise<Item[]> {
  return db
    .selectFrom('content_items')
    .select(['id', 'creator_id', 'quality_score', 'is_private'])
    .where(sql<boolean>`metadata ? 'demoKey'`)
    .orderBy('id')
    .execute();
}

export async function seedRatingsAndInteractions(db: Database, people: DemoPeople): Promise<number> {
  const items = (await publicItems(db)).filter((i) => !i.is_private);
  const raters = [people.demoId, people.adminId, ...people.communityIds];
  const ratings: { user_id: string; content_id: number; rating: number }[] = [];
  const interactions: {
    user_id: string;
    content_id: number;
    type: 'view' | 'like' | 'download' | 'share';
  }[] = [];
  for (const [n, userId] of raters.entries()) {
    const rng = createRng(70_001 + n);
    for (const item of pickDistinct(rng, items, 60)) {
      if (item.creator_id === userId) continue;
      // Better items tend to get better ratings, with some spread.
      const rating = Math.min(
        5,
        Math.max(1, Math.round((item.quality_score ?? 0.5) * 4 + 1 + (rng() - 0.5) * 2)),
      );
      ratings.push({ user_id: userId, content_id: item.id, rating });
      interactions.push({ user_id: userId, content_id: item.id, type: 'view' });
      if (rating >= 4 && rng() < 0.6)
        interactions.push({ user_id: userId, content_id: item.id, type: 'like' });
      if (rating === 5 && rng() < 0.3)
        interactions.push({ user_id: userId, content_id: item.id, type: 'download' });
    }
  }
  for (let i = 0; i < ratings.length; i += 1000) {
    await db
      .insertInto('content_ratings')
      .values(ratings.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const seenBefore = await db
    .selectFrom('user_interactions')
    .select('id')
    .where('user_id', '=', people.demoId)
    .limit(1)
    .execute();
  if (seenBefore.length === 0) {
    for (let i = 0; i < interactions.length; i += 1000) {
      await db
        .insertInto('user_interactions')
        .values(interactions.slice(i, i + 1000))
        .execute();
    }
  }
  return ratings.length;
}

const demoCategories = [
  {
    name: 'Favourites',
    description: 'The best of the best',
    color: '#E91E63',
    icon: 'favorite',
    isPublic: false,
  },
  {
    name: 'Inspiration',
    description: 'Ideas worth stealing',
    color: '#3F51B5',
    icon: 'lightbulb',
    isPublic: true,
  },
  {
    name: 'Landscapes',
    description: 'Places that do not exist',
    color: '#4CAF50',
    icon: 'landscape',
    isPublic: false,
  },
] as const;

async function ensureCategory(
  db: Database,
  userId: string,
  c: { name: string; description: string; color: string; icon: string; isPublic: boolean },
  sortIndex: number,
  parentId: string | null = null,
): Promise<string> {
  const found = await db
    .selectFrom('bookmark_categories')
    .select('id')
    .where('user_id', '=', userId)
    .where(sql<string>`lower(name)`, '=', c.name.toLowerCase())
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('bookmark_categories')
    .values({
      user_id: userId,
      name: c.name,
      description: c.description,
      color: c.color,
      icon: c.icon,
      is_public: c.isPublic,
      share_token: c.isPublic ? randomBytes(18).toString('base64url') : null,
      sort_index: sortIndex,
      parent_id: parentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedBookmarks(db: Database, people: DemoPeople): Promise<number> {
  const items = await publicItems(db);
  const visible = items.filter((i) => !i.is_private);
  const ids: string[] = [];
  for (const [n, c] of demoCategories.entries()) ids.push(await ensureCategory(db, people.demoId, c, n + 1));
  const landscapes = ids[2] ?? null;
  ids.push(
    await ensureCategory(
      db,
      people.demoId,
      {
        name: 'Mountains',
        description: 'Peaks and ridges',
        color: '#795548',
        icon: 'terrain',
        isPublic: false,
      },
      1,
      landscapes,
    ),
  );

  let created = 0;
  const bookmarkers = [people.demoId, people.adminId, ...people.communityIds.slice(0, 10)];
  for (const [n, userId] of bookmarkers.entries()) {
    const rng = createRng(90_001 + n);
    const own = items.filter((i) => i.creator_id === userId);
    const picks = pickDistinct(rng, [...visible, ...own], userId === people.demoId ? 70 : 12);
    const rows = picks.map((item) => ({
      user_id: userId,
      content_id: item.id,
      pinned: rng() < 0.05,
      note: rng() < 0.15 ? 'Great composition — try this palette again' : null,
    }));
    const inserted = await db
      .insertInto('bookmarks')
      .values(rows)
      .onConflict((oc) => oc.columns(['user_id', 'content_id']).doNothing())
      .returning(['id'])
      .execute();
    created += inserted.length;
    if (userId !== people.demoId || inserted.length === 0) continue;
    // Spread the demo user's new bookmarks over the categories; every fifth stays Uncategorized.
    const members = inserted.flatMap((b, i) => {
      if (i % 5 === 4) return [];
      const category = ids[i % ids.length] ?? '';
      const second = i % 9 === 0 ? [ids[(i + 1) % ids.length] ?? ''] : [];
      return [category, ...second].map((categoryId, k) => ({
        bookmark_id: b.id,
        category_id: categoryId,
        user_id: userId,
        position: i + k,
      }));
    });
    if (members.length === 0) continue;
    const filed = [...new Set(members.map((m) => m.bookmark_id))];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('bookmark_category_members').values(members).execute();
      // New bookmarks went to the default category on insert; the filed ones leave it.
      await trx
        .deleteFrom('bookmark_category_members')
        .where('user_id', '=', userId)
        .where('bookmark_id', 'in', filed)
        .where('category_id', 'in', (eb) =>
          eb
            .selectFrom('bookmark_categories')
            .select('id')
            .where('user_id', '=', userId)
            .where('is_default', '=', true),
        )
        .execute();
    });
  }
  return created;
}

const favouriteTags = ['watercolor', 'portrait', 'landscape', 'cyberpunk', 'golden-hour'];
const ratedTags: [string, number][] = [
  ['watercolor', 5],
  ['portrait', 4.5],
  ['landscape', 4],
  ['cyberpunk', 3.5],
  ['minimalism', 3],
  ['horror', 1.5],
];

export async function seedDemoPreferences(db: Database, people: DemoPeople, now: Date): Promise<void> {
  const known = new Set((await db.selectFrom('tags').select('slug').execute()).map((t) => t.slug));
  const favourites = favouriteTags
    .filter((s) => known.has(s))
    .map((s) => ({ user_id: people.demoId, tag_id: tagIdForSlug(s) }));
  if (favourites.length > 0)
    await db
      .insertInto('user_favorite_tags')
      .values(favourites)
      .onConflict((oc) => oc.doNothing())
      .execute();
  const ratings = ratedTags
    .filter(([s]) => known.has(s))
    .map(([s, rating]) => ({ user_id: people.demoId, tag_id: tagIdForSlug(s), rating }));
  if (ratings.length > 0)
    await db
      .insertInto('tag_ratings')
      .values(ratings)
      .onConflict((oc) => oc.doNothing())
      .execute();

  const searched = await db
    .selectFrom('user_search_history')
    .select('id')
    .where('user_id', '=', people.demoId)
    .limit(1)
    .execute();
  if (searched.length === 0) {
    const queries = [
      'watercolor portrait',
      'tag:landscape sunset',
      'cyberpunk -rain',
      '"golden hour"',
      'model:sdxl',
      'lighthouse',
    ];
    await db
      .insertInto('user_search_history')
      .values(
        queries.map((query, i) => ({
          user_id: people.demoId,
          query,
          created_at: new Date(now.getTime() - i * 3_600_000),
        })),
      )
      .execute();
  }

  const notified = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', people.demoId)
    .limit(1)
    .execute();
  if (notified.length > 0) return;
  const jobs = await db
    .selectFrom('generation_jobs')
    .select(['id', 'status', 'title', 'batch_size', 'error_message', 'completed_at'])
    .where('user_id', '=', people.demoId)
    .where('status', 'in', ['completed', 'failed', 'cancelled'])
    .orderBy('id')
    .execute();
  const jobNotes = jobs.map((job, i) => {
    const read = i < jobs.length - 3 ? job.completed_at : null;
    const base = {
      user_id: people.demoId,
      related_job_id: job.id,
      read_at: read,
      created_at: job.completed_at ?? now,
    };
    if (job.status === 'completed') {
      return {
        ...base,
        type: 'job_completed' as const,
        title: 'Your images are ready',
        message: `${job.title ?? 'Job'}: ${job.batch_size} image(s) finished`,
      };
    }
    if (job.status === 'failed') {
      return {
        ...base,
        type: 'job_failed' as const,
        title: 'Generation failed',
        message: job.error_message ?? 'The job failed',
      };
    }
    return {
      ...base,
      type: 'job_cancelled' as const,
      title: 'Generation cancelled',
      message: `${job.title ?? 'Job'} was cancelled`,
    };
  });
  await db
    .insertInto('notifications')
    .values([
      {
        user_id: people.demoId,
        type: 'system',
        title: 'Welcome to Genonaut',
        message: 'Browse the gallery, rate what you like and try the generate page.',
        read_at: now,
        created_at: new Date(now.getTime() - 30 * 86_400_000),
      },
      ...jobNotes,
      {
        user_id: people.demoId,
        type: 'recommendation',
        title: 'New picks for you',
        message: 'Fresh recommendations based on your watercolor and portrait ratings.',
        read_at: null,
        created_at: now,
      },
    ])
    .execute();
}
