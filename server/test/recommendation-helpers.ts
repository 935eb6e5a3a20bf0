// Constructed data for the recommender's tests: tags of the test's own (so no other file's rows match),
// items carrying them, and a user's signals written straight to the tables the profile reads.
import type { FastifyInstance } from 'fastify';
import type { Insertable } from 'kysely';
import type { Recommendation, RecommendationList } from '@genonaut/contracts';
import type { ContentItems } from '../src/db/types';
import type { Session } from './auth-helpers';
import { createContent, createTag } from './factories';
import { apiCaller, expectStatus } from './engagement-helpers';

export type TagRow = Awaited<ReturnType<typeof createTag>>;

/** Tags named `<name>-<random>`, so the test's profile tags are its own. */
export async function uniqueTags<K extends string>(app: FastifyInstance, ...names: K[]) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const rows = await Promise.all(names.map((name) => createTag(app.db, { slug: `${name}-${suffix}` })));
  return Object.fromEntries(names.map((name, i) => [name, rows[i]])) as Record<K, TagRow>;
}

/** One item by `creatorId` carrying `tags`, in creation order (ids ascend). */
export async function taggedItem(
  app: FastifyInstance,
  creatorId: string,
  tags: TagRow[],
  overrides: Partial<Insertable<ContentItems>> = {},
) {
  const item = await createContent(app.db, creatorId, overrides);
  if (tags.length > 0)
    await app.db
      .insertInto('content_tags')
      .values(tags.map((t) => ({ content_id: item.id, tag_id: t.id })))
      .execute();
  return item;
}

export async function taggedItems(app: FastifyInstance, creatorId: string, tags: TagRow[], count: number) {
  const items = [];
  for (let i = 0; i < count; i++) items.push(await taggedItem(app, creatorId, tags));
  return items;
}

export async function rate(app: FastifyInstance, userId: string, contentIds: number[], rating: number) {
  await app.db
    .insertInto('content_ratings')
    .values(contentIds.map((content_id) => ({ user_id: userId, content_id, rating })))
    .execute();
}

export function recommendationsApi(app: () => FastifyInstance) {
  const call = apiCaller(app);
  return {
    call,
    list: async (session: Session, limit = 100): Promise<Recommendation[]> =>
      expectStatus(await call<RecommendationList>(session, 'GET', `/recommendations?limit=${limit}`), 200)
        .items,
    refresh: async (session: Session): Promise<Recommendation[]> =>
      expectStatus(await call<RecommendationList>(session, 'POST', '/recommendations/refresh?limit=100'), 200)
        .items,
    feedback: (session: Session, contentId: number, action: string) =>
      call(session, 'POST', `/recommendations/${contentId}/feedback`, { action }),
  };
}

/** Position of an item in a list (Infinity when absent), for "ranks above" assertions. */
export const rankOf = (list: Recommendation[], contentId: number) => {
  const i = list.findIndex((r) => r.contentId === contentId);
  return i < 0 ? Infinity : i;
};
