// How the recommender learns and when it runs: clicks and dismissals change the next refresh's ranking,
// people who liked the same item lead to each other's favourites, a user with no history gets popular
// items, and the hourly job refreshes active users only (quiet ones daily, active ones after each new
// activity), notifying them at most once a day.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './auth-helpers';
import { runJob } from './content-helpers';
import { expectStatus } from './engagement-helpers';
import { createUser } from './factories';
import { rankOf, rate, recommendationsApi, taggedItems, uniqueTags } from './recommendation-helpers';
import { buildTestApp } from './test-context';
import { listedIds } from '../src/modules/recommendations/recommendations.repository';

let app: FastifyInstance;
let artistId: string;
const api = recommendationsApi(() => app);

beforeAll(async () => {
  app = await buildTestApp();
  artistId = (await createUser(app.db)).id;
});
afterAll(() => app.close());

/** A user who likes ocean items a little more than forest ones, and the unrated items of each. */
async function oceanOverForest() {
  const { ocean, forest } = await uniqueTags(app, 'ocean', 'forest');
  const user = await signUp(app);
  const forestLiked = await taggedItems(app, artistId, [forest], 2);
  const oceanLiked = await taggedItems(app, artistId, [ocean], 2);
  await rate(app, user.user.id, [forestLiked[0]!.id], 5);
  await rate(app, user.user.id, [forestLiked[1]!.id], 4);
  await rate(
    app,
    user.user.id,
    oceanLiked.map((i) => i.id),
    5,
  );
  const forestItems = (await taggedItems(app, artistId, [forest], 3)).map((i) => i.id);
  const oceanItems = (await taggedItems(app, artistId, [ocean], 3)).map((i) => i.id);
  return { user, forestItems, oceanItems };
}

const best = (list: Parameters<typeof rankOf>[0], ids: number[]) =>
  Math.min(...ids.map((id) => rankOf(list, id)));

describe('feedback', () => {
  it('clicks pull items with the clicked item’s tags up in the next refresh', async () => {
    const { user, forestItems, oceanItems } = await oceanOverForest();
    const before = await api.refresh(user);
    expect(best(before, oceanItems)).toBeLessThan(best(before, forestItems));
    for (const id of forestItems.slice(0, 2)) expectStatus(await api.feedback(user, id, 'clicked'), 200);
    const after = await api.refresh(user);
    // Opened items are seen: they leave the list but keep teaching the profile.
    for (const id of forestItems.slice(0, 2)) expect(rankOf(after, id)).toBe(Infinity);
    expect(rankOf(after, forestItems[2]!)).toBeLessThan(best(after, oceanItems));
  });

  it('dismissals push items with the dismissed item’s tags down in the next refresh', async () => {
    const { user, forestItems, oceanItems } = await oceanOverForest();
    const before = await api.refresh(user);
    expect(best(before, oceanItems)).toBeLessThan(best(before, forestItems));
    for (const id of oceanItems.slice(0, 2)) expectStatus(await api.feedback(user, id, 'dismissed'), 200);
    const after = await api.refresh(user);
    expect(rankOf(after, forestItems[0]!)).toBeLessThan(rankOf(after, oceanItems[2]!));
    // The feedback history stays: the dismissed rows are still there, still dismissed.
    const rows = await app.db
      .selectFrom('recommendations')
      .select(['content_id', 'dismissed_at'])
      .where('user_id', '=', user.user.id)
      .where('dismissed_at', 'is not', null)
      .execute();
    expect(rows.map((r) => r.content_id).sort()).toEqual(oceanItems.slice(0, 2).sort());
  });
});

describe('sources', () => {
  it('offers what people who liked the same item also liked, naming that item', async () => {
    const user = await signUp(app);
    const [shared, theirFavourite] = await taggedItems(app, artistId, [], 2);
    for (let i = 0; i < 3; i++) {
      const fan = await createUser(app.db);
      await rate(app, fan.id, [shared!.id, theirFavourite!.id], 5);
    }
    await rate(app, user.user.id, [shared!.id], 5);
    const list = await api.refresh(user);
    const found = list.find((r) => r.contentId === theirFavourite!.id);
    expect(found?.algorithm).toBe('co-occurrence');
    expect(found?.reasons).toContainEqual({ kind: 'similar', contentId: shared!.id, title: shared!.title });
  });

  it('gives a user without any history popular items', async () => {
    const [hot] = await taggedItems(app, artistId, [], 1);
    for (let i = 0; i < 6; i++) {
      const fan = await createUser(app.db);
      await rate(app, fan.id, [hot!.id], 5);
      await app.db.insertInto('bookmarks').values({ user_id: fan.id, content_id: hot!.id }).execute();
    }
    const newcomer = await signUp(app);
    const list = await api.list(newcomer);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.algorithm === 'popular')).toBe(true);
    expect(list.every((r) => r.reasons[0]?.kind === 'popular')).toBe(true);
    expect(list.map((r) => r.contentId)).toContain(hot!.id);
  });
});

describe('the refresh-recommendations job', () => {
  it('refreshes active users only and notifies them of new picks at most once a day', async () => {
    const [liked] = await taggedItems(app, artistId, [], 1);
    const active = await createUser(app.db);
    const idle = await createUser(app.db);
    const quiet = await createUser(app.db);
    await rate(app, active.id, [liked!.id], 5);
    await rate(app, quiet.id, [liked!.id], 5);
    await app.db
      .updateTable('users')
      .set({ preferences: JSON.stringify({ notifications: { recommendation: false } }) })
      .where('id', '=', quiet.id)
      .execute();
    await app.db
      .insertInto('content_ratings')
      .values({
        user_id: idle.id,
        content_id: liked!.id,
        rating: 5,
        created_at: sql<Date>`now() - interval '60 days'`,
        updated_at: sql<Date>`now() - interval '60 days'`,
      })
      .execute();
    const result = await runJob(app, 'refresh-recommendations');
    expect(result).toMatchObject({ failed: 0 });
    const refreshed = async (id: string) =>
      (await app.db
        .selectFrom('recommendation_refreshes')
        .select('refreshed_at')
        .where('user_id', '=', id)
        .executeTakeFirst()) !== undefined;
    expect(await refreshed(active.id)).toBe(true);
    expect(await refreshed(quiet.id)).toBe(true);
    expect(await refreshed(idle.id)).toBe(false);

    const notifications = (id: string) =>
      app.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', id)
        .where('type', '=', 'recommendation')
        .execute();
    const first = await notifications(active.id);
    expect(first).toHaveLength(1);
    expect(first[0]?.related_content_id).not.toBeNull();
    expect(await notifications(quiet.id)).toHaveLength(0);

    // New items at the top again, at the next day's refresh: still only one notification within a day.
    await app.db.deleteFrom('recommendations').where('user_id', '=', active.id).execute();
    await ageList(active.id, 25);
    await runJob(app, 'refresh-recommendations');
    expect(await listedIds(app.db, active.id)).not.toHaveLength(0);
    expect(await notifications(active.id)).toHaveLength(1);
  });

  it('recomputes a quiet user’s list daily, and an active one’s after each new activity', async () => {
    const [liked, other] = await taggedItems(app, artistId, [], 2);
    const user = await createUser(app.db);
    await rate(app, user.id, [liked!.id], 5);
    await runJob(app, 'refresh-recommendations');
    const first = await refreshedAt(user.id);
    expect(first).toBeDefined();

    // Nothing new since, and the list is fresh: kept.
    await runJob(app, 'refresh-recommendations');
    expect(await refreshedAt(user.id)).toEqual(first);

    // A new rating: recomputed at the next run.
    await rate(app, user.id, [other!.id], 4);
    await runJob(app, 'refresh-recommendations');
    const second = await refreshedAt(user.id);
    expect(second!.getTime()).toBeGreaterThan(first!.getTime());

    // Quiet again, but the list is a day old: recomputed.
    await ageList(user.id, 25);
    await runJob(app, 'refresh-recommendations');
    expect((await refreshedAt(user.id))!.getTime()).toBeGreaterThan(Date.now() - 3_600_000);
  });
});

async function refreshedAt(userId: string): Promise<Date | undefined> {
  const row = await app.db
    .selectFrom('recommendation_refreshes')
    .select('refreshed_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.refreshed_at;
}

/** Moves the user's list, and everything they did, `hours` into the past. */
async function ageList(userId: string, hours: number): Promise<void> {
  const back = sql<Date>`now() - make_interval(hours => ${hours})`;
  await app.db
    .updateTable('recommendation_refreshes')
    .set({ refreshed_at: back })
    .where('user_id', '=', userId)
    .execute();
  await app.db
    .updateTable('content_ratings')
    .set({ created_at: back, updated_at: back })
    .where('user_id', '=', userId)
    .execute();
}
