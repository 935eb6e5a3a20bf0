// Ratings, interaction signals and similar items of a content item, as the owner, other users and
// anonymous callers.
import type { FastifyInstance } from 'fastify';
import type { ContentDetail, ContentList, RatingResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import { buildContentTestApp } from './content-helpers';
import { createContent, createTag } from './factories';

let app: FastifyInstance;
let close: () => Promise<void>;
let alice: Session;
let bob: Session;
let carol: Session;
let admin: Session;

beforeAll(async () => {
  ({ app, close } = await buildContentTestApp());
  [alice, bob, carol, admin] = await Promise.all([signUp(app), signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
});
afterAll(() => close());

const ratingUrl = (id: number) => `/api/v1/content/${id}/rating`;
const rate = (session: Session, id: number, rating: number) =>
  app.inject(as(session, { method: 'PUT', url: ratingUrl(id), payload: { rating } }));

describe('PUT and DELETE /content/:id/rating', () => {
  it('requires authentication', async () => {
    const item = await createContent(app.db, alice.user.id);
    expect(
      (await app.inject({ method: 'PUT', url: ratingUrl(item.id), payload: { rating: 3 } })).statusCode,
    ).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: ratingUrl(item.id) })).statusCode).toBe(401);
  });

  it('refuses another user on a private item (404) and leaves its rating alone', async () => {
    const item = await createContent(app.db, alice.user.id, { is_private: true });
    expect((await rate(alice, item.id, 4)).statusCode).toBe(200);
    expect((await rate(bob, item.id, 1)).statusCode).toBe(404);
    expect((await app.inject(as(bob, { method: 'DELETE', url: ratingUrl(item.id) }))).statusCode).toBe(404);
    const row = await app.db
      .selectFrom('content_items')
      .select(['rating_avg', 'rating_count'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ rating_avg: 4, rating_count: 1 });
  });

  it('sets, changes and removes a rating, keeping the average and count right', async () => {
    const item = await createContent(app.db, carol.user.id);
    expect((await rate(alice, item.id, 4)).json<RatingResponse>()).toEqual({
      rating: 4,
      ratingAvg: 4,
      ratingCount: 1,
    });
    expect((await rate(bob, item.id, 2)).json<RatingResponse>()).toEqual({
      rating: 2,
      ratingAvg: 3,
      ratingCount: 2,
    });
    expect((await rate(alice, item.id, 5)).json<RatingResponse>()).toEqual({
      rating: 5,
      ratingAvg: 3.5,
      ratingCount: 2,
    });
    const detail = await app.inject(as(alice, { method: 'GET', url: `/api/v1/content/${item.id}` }));
    expect(detail.json<ContentDetail>()).toMatchObject({
      ratingAvg: 3.5,
      ratingCount: 2,
      viewer: { rating: 5 },
    });

    const removed = await app.inject(as(alice, { method: 'DELETE', url: ratingUrl(item.id) }));
    expect(removed.statusCode).toBe(200);
    expect(removed.json<RatingResponse>()).toEqual({ rating: null, ratingAvg: 2, ratingCount: 1 });
    const again = await app.inject(as(alice, { method: 'DELETE', url: ratingUrl(item.id) }));
    expect(again.json<RatingResponse>()).toEqual({ rating: null, ratingAvg: 2, ratingCount: 1 });
  });

  it('refuses ratings outside 1–5 whole stars', async () => {
    const item = await createContent(app.db, carol.user.id);
    for (const rating of [0, 6, 3.5, '3', null]) {
      const response = await app.inject(
        as(alice, { method: 'PUT', url: ratingUrl(item.id), payload: { rating } }),
      );
      // '3' is coerced (query-style coercion is on app-wide); the others are refused.
      expect(response.statusCode, String(rating)).toBe(rating === '3' ? 200 : 400);
    }
  });

  it('lets an admin rate an item they can open by id', async () => {
    const item = await createContent(app.db, alice.user.id, { is_private: true });
    expect((await rate(admin, item.id, 3)).statusCode).toBe(200);
  });
});

describe('POST /content/:id/interactions', () => {
  const post = (session: Session | null, id: number, type: string) =>
    app.inject(as(session, { method: 'POST', url: `/api/v1/content/${id}/interactions`, payload: { type } }));
  const interactionsOf = (contentId: number) =>
    app.db
      .selectFrom('user_interactions')
      .select(['user_id', 'type'])
      .where('content_id', '=', contentId)
      .orderBy('id')
      .execute();

  it('requires authentication for likes, downloads and shares (views may be anonymous)', async () => {
    const item = await createContent(app.db, alice.user.id);
    for (const type of ['like', 'download', 'share'])
      expect((await post(null, item.id, type)).statusCode).toBe(401);
    expect((await post(null, item.id, 'view')).statusCode).toBe(204);
    expect(await interactionsOf(item.id)).toEqual([{ user_id: null, type: 'view' }]);
  });

  it("refuses another user's private item (404) and records nothing", async () => {
    const item = await createContent(app.db, alice.user.id, { is_private: true });
    expect((await post(bob, item.id, 'like')).statusCode).toBe(404);
    expect((await post(null, item.id, 'view')).statusCode).toBe(404);
    expect(await interactionsOf(item.id)).toEqual([]);
  });

  it('records signed-in interactions against the user', async () => {
    const item = await createContent(app.db, alice.user.id);
    for (const type of ['view', 'like', 'download', 'share'])
      expect((await post(bob, item.id, type)).statusCode).toBe(204);
    expect(await interactionsOf(item.id)).toEqual(
      ['view', 'like', 'download', 'share'].map((type) => ({ user_id: bob.user.id, type })),
    );
  });

  it('refuses an unknown type or a missing item', async () => {
    const item = await createContent(app.db, alice.user.id);
    expect((await post(bob, item.id, 'upvote')).statusCode).toBe(400);
    expect((await post(bob, 2 ** 52, 'view')).statusCode).toBe(404);
  });
});

describe('GET /content/:id/similar', () => {
  const similar = async (session: Session | null, id: number, query = '') => {
    const response = await app.inject(
      as(session, { method: 'GET', url: `/api/v1/content/${id}/similar${query}` }),
    );
    expect(response.statusCode).toBe(200);
    return response.json<ContentList>().items.map((i) => i.id);
  };

  let source: number;
  let ranked: number[];
  let hidden: number;

  beforeAll(async () => {
    const tags = await Promise.all([1, 2, 3, 4, 5].map(() => createTag(app.db)));
    const [t1, t2, t3, t4, other] = tags.map((t) => t.id);
    const tagged = async (tagIds: string[], overrides: Parameters<typeof createContent>[2] = {}) => {
      const item = await createContent(app.db, carol.user.id, overrides);
      if (tagIds.length > 0) {
        await app.db
          .insertInto('content_tags')
          .values(tagIds.map((tagId) => ({ content_id: item.id, tag_id: tagId })))
          .execute();
      }
      return item.id;
    };
    const ids = (list: (string | undefined)[]) => list.filter((id): id is string => id !== undefined);
    source = await tagged(ids([t1, t2, t3, t4]));
    const three = await tagged(ids([t1, t2, t3, other]));
    const twoLowQuality = await tagged(ids([t1, t2]), { quality_score: 0.2 });
    const twoHighQuality = await tagged(ids([t3, t4]), { quality_score: 0.9 });
    const one = await tagged(ids([t4]));
    await tagged(ids([other]));
    hidden = await tagged(ids([t1, t2, t3, t4]), { creator_id: bob.user.id, is_private: true });
    ranked = [three, twoHighQuality, twoLowQuality, one];
  });

  it('ranks visible items by shared tags, then quality, never the item itself', async () => {
    expect(await similar(null, source)).toEqual(ranked);
    expect(await similar(null, source, '?limit=2')).toEqual(ranked.slice(0, 2));
  });

  it("includes the viewer's own private items and nobody else's", async () => {
    expect(await similar(bob, source)).toEqual([hidden, ...ranked]);
    expect(await similar(alice, source)).toEqual(ranked);
  });

  it('answers 404 for an item the caller cannot see and 400 for a bad limit', async () => {
    const url = `/api/v1/content/${hidden}/similar`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await app.inject(as(alice, { method: 'GET', url }))).statusCode).toBe(404);
    for (const limit of ['0', '51', 'x', '1e400']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/content/${source}/similar?limit=${limit}`,
      });
      expect(response.statusCode, limit).toBe(400);
    }
  });

  it('answers an empty list for an item without tags', async () => {
    const lonely = await createContent(app.db, carol.user.id);
    expect(await similar(null, lonely.id)).toEqual([]);
  });
});
