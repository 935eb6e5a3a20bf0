// The public share link of a bookmark category: anyone may read it without signing in, and it shows only
// what everyone may see: never a private item (not even the owner's own), never notes, nothing once the
// category is private again or the link was replaced.
import type { FastifyInstance } from 'fastify';
import type { BookmarkCategory, SharedCategory } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session } from './auth-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
import { createContent } from './factories';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
const call = apiCaller(() => app);

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob] = await Promise.all([signUp(app), signUp(app)]);
});
afterAll(() => app.close());

async function sharedCategoryWithItems() {
  const folder = expectStatus(
    await call<BookmarkCategory>(alice, 'POST', '/bookmark-categories', {
      name: `Shared ${Date.now()}`,
      isPublic: true,
      description: 'my picks',
    }),
    201,
  );
  const open = await createContent(app.db, bob.user.id);
  const alicesPrivate = await createContent(app.db, alice.user.id, { is_private: true });
  const laterPrivate = await createContent(app.db, bob.user.id);
  for (const item of [open, alicesPrivate, laterPrivate]) {
    expectStatus(
      await call(alice, 'POST', '/bookmarks', {
        contentId: item.id,
        categoryIds: [folder.id],
        note: 'secret note',
      }),
      201,
    );
  }
  await app.db
    .updateTable('content_items')
    .set({ is_private: true })
    .where('id', '=', laterPrivate.id)
    .execute();
  return { folder, open, alicesPrivate, laterPrivate };
}

describe('GET /shared/categories/:shareToken', () => {
  it('is readable without signing in and shows only public items, without notes', async () => {
    const { folder, open } = await sharedCategoryWithItems();
    const answer = await call<SharedCategory>(null, 'GET', `/shared/categories/${folder.shareToken}`);
    const shared = expectStatus(answer, 200);
    expect(shared.category).toMatchObject({
      name: folder.name,
      description: 'my picks',
      owner: { id: alice.user.id, username: alice.user.username },
    });
    expect(shared.items.map((i) => i.id)).toEqual([open.id]);
    expect(shared.pagination.totalCount).toBe(1);
    expect(JSON.stringify(shared)).not.toContain('secret note');
    expect(JSON.stringify(shared)).not.toContain(folder.id);
  });

  it('never shows a private item to anyone, the owner and other users included', async () => {
    const { folder, alicesPrivate, laterPrivate } = await sharedCategoryWithItems();
    for (const viewer of [alice, bob]) {
      const shared = expectStatus(
        await call<SharedCategory>(viewer, 'GET', `/shared/categories/${folder.shareToken}`),
        200,
      );
      const ids = shared.items.map((i) => i.id);
      expect(ids).not.toContain(alicesPrivate.id);
      expect(ids).not.toContain(laterPrivate.id);
    }
  });

  it('hides a private cover', async () => {
    const { folder, alicesPrivate } = await sharedCategoryWithItems();
    await call(alice, 'PATCH', `/bookmark-categories/${folder.id}`, { coverContentId: alicesPrivate.id });
    const shared = await call<SharedCategory>(null, 'GET', `/shared/categories/${folder.shareToken}`);
    expect(shared.body.category.coverContentId).toBeNull();
  });

  it('stops working when the category turns private or the link is replaced', async () => {
    const { folder } = await sharedCategoryWithItems();
    const rotated = expectStatus(
      await call<BookmarkCategory>(alice, 'PATCH', `/bookmark-categories/${folder.id}`, {
        rotateShareToken: true,
      }),
      200,
    );
    expect((await call(null, 'GET', `/shared/categories/${folder.shareToken}`)).status).toBe(404);
    expect((await call(null, 'GET', `/shared/categories/${rotated.shareToken}`)).status).toBe(200);
    await call(alice, 'PATCH', `/bookmark-categories/${folder.id}`, { isPublic: false });
    expect((await call(null, 'GET', `/shared/categories/${rotated.shareToken}`)).status).toBe(404);
  });

  it('answers 404 for an unknown token and 400 for a malformed one', async () => {
    expect((await call(null, 'GET', '/shared/categories/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await call(null, 'GET', '/shared/categories/short')).status).toBe(400);
  });

  it('refuses a private category a share token in the database itself', async () => {
    const { folder } = await sharedCategoryWithItems();
    await expect(
      app.db
        .updateTable('bookmark_categories')
        .set({ is_public: false })
        .where('id', '=', folder.id)
        .execute(),
    ).rejects.toThrow(/bookmark_categories_token_only_when_public/);
  });
});
