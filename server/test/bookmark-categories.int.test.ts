// Bookmark categories against the real stack: one undeletable Uncategorized per user, nesting without
// cycles, unique names per level, deleting with move or delete of the bookmarks, and another user can
// neither see, change, nest into nor delete someone else's categories.
import type { FastifyInstance } from 'fastify';
import type { Bookmark, BookmarkCategory, BookmarkCategoryList, BookmarkPage } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session } from './auth-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
import { createContent } from './factories';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
const call = apiCaller(() => app);
let n = 0;

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob] = await Promise.all([signUp(app), signUp(app)]);
});
afterAll(() => app.close());

const create = async (session: Session, body: object = {}) =>
  expectStatus(
    await call<BookmarkCategory>(session, 'POST', '/bookmark-categories', {
      name: `Folder ${(n += 1)}`,
      ...body,
    }),
    201,
  );
const list = async (session: Session) =>
  (await call<BookmarkCategoryList>(session, 'GET', '/bookmark-categories')).body.items;
const bookmarkIn = async (session: Session, categoryIds?: string[]) => {
  const target = await createContent(app.db, bob.user.id);
  return expectStatus(
    await call<Bookmark>(session, 'POST', '/bookmarks', { contentId: target.id, categoryIds }),
    201,
  );
};

describe('GET /bookmark-categories', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/bookmark-categories')).status).toBe(401);
  });

  it("refuses another user: a list never holds someone else's categories", async () => {
    const mine = await create(alice);
    expect((await list(bob)).map((c) => c.id)).not.toContain(mine.id);
  });

  it('gives every user exactly one default "Uncategorized", listed first', async () => {
    const fresh = await signUp(app);
    const items = await list(fresh);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: 'Uncategorized',
      isDefault: true,
      parentId: null,
      bookmarkCount: 0,
    });
  });
});

describe('POST /bookmark-categories', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'POST', '/bookmark-categories', { name: 'x' })).status).toBe(401);
  });

  it("refuses another user's category as parent and another user's private item as cover", async () => {
    const bobs = await create(bob);
    expect((await call(alice, 'POST', '/bookmark-categories', { name: 'x', parentId: bobs.id })).status).toBe(
      400,
    );
    const hidden = await createContent(app.db, bob.user.id, { is_private: true });
    const cover = await call(alice, 'POST', '/bookmark-categories', { name: 'y', coverContentId: hidden.id });
    expect(cover.status).toBe(400);
  });

  it('nests categories and keeps names unique per level, ignoring case', async () => {
    const parent = await create(alice, { name: `Travel ${n}`, color: '#aa3300', icon: 'plane' });
    const child = await create(alice, { name: 'Japan', parentId: parent.id });
    expect(child).toMatchObject({ parentId: parent.id, isDefault: false, isPublic: false, shareToken: null });
    const twin = await call(alice, 'POST', '/bookmark-categories', { name: 'JAPAN', parentId: parent.id });
    expect(twin.status).toBe(409);
    expect((await call(alice, 'POST', '/bookmark-categories', { name: 'uncategorized' })).status).toBe(409);
    // The same name elsewhere, or for someone else, is fine.
    await create(alice, { name: 'Japan' });
    await create(bob, { name: 'Japan' });
  });
});

describe('GET and PATCH /bookmark-categories/:id', () => {
  it('requires authentication', async () => {
    const mine = await create(alice);
    expect((await call(null, 'GET', `/bookmark-categories/${mine.id}`)).status).toBe(401);
    expect((await call(null, 'PATCH', `/bookmark-categories/${mine.id}`, { name: 'x' })).status).toBe(401);
  });

  it("refuses another user: someone else's category does not exist for them", async () => {
    const mine = await create(alice, { name: `Private ${n}` });
    expect((await call(bob, 'GET', `/bookmark-categories/${mine.id}`)).status).toBe(404);
    expect((await call(bob, 'PATCH', `/bookmark-categories/${mine.id}`, { isPublic: true })).status).toBe(
      404,
    );
    const bobs = await create(bob);
    expect(
      (await call(alice, 'PATCH', `/bookmark-categories/${mine.id}`, { parentId: bobs.id })).status,
    ).toBe(400);
    const now = (await call<BookmarkCategory>(alice, 'GET', `/bookmark-categories/${mine.id}`)).body;
    expect(now).toMatchObject({ name: mine.name, isPublic: false, parentId: null });
  });

  it('refuses a cycle and a parent for the default category', async () => {
    const top = await create(alice);
    const middle = await create(alice, { parentId: top.id });
    const leaf = await create(alice, { parentId: middle.id });
    expect((await call(alice, 'PATCH', `/bookmark-categories/${top.id}`, { parentId: leaf.id })).status).toBe(
      409,
    );
    expect((await call(alice, 'PATCH', `/bookmark-categories/${top.id}`, { parentId: top.id })).status).toBe(
      409,
    );
    const home = (await list(alice)).find((c) => c.isDefault);
    expect(
      (await call(alice, 'PATCH', `/bookmark-categories/${home?.id}`, { parentId: top.id })).status,
    ).toBe(409);
  });

  it('publishes with a share link, rotates it, and revokes it when made private', async () => {
    const shared = await create(alice);
    const patch = (body: object) =>
      call<BookmarkCategory>(alice, 'PATCH', `/bookmark-categories/${shared.id}`, body).then((r) =>
        expectStatus(r, 200),
      );
    const first = (await patch({ isPublic: true })).shareToken;
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const second = (await patch({ rotateShareToken: true })).shareToken;
    expect(second).not.toBe(first);
    expect(await patch({ isPublic: false })).toMatchObject({ isPublic: false, shareToken: null });
    const again = (await patch({ isPublic: true })).shareToken;
    expect([first, second]).not.toContain(again);
    const stored = await app.db
      .selectFrom('bookmark_categories')
      .select('share_token')
      .where('id', '=', shared.id)
      .executeTakeFirstOrThrow();
    expect(stored.share_token).toBe(again);
  });
});

describe('DELETE /bookmark-categories/:id', () => {
  it('requires authentication', async () => {
    const mine = await create(alice);
    expect((await call(null, 'DELETE', `/bookmark-categories/${mine.id}`)).status).toBe(401);
  });

  it("refuses another user: no deleting someone else's category or moving into it", async () => {
    const mine = await create(alice);
    expect((await call(bob, 'DELETE', `/bookmark-categories/${mine.id}`)).status).toBe(404);
    const bobs = await create(bob);
    expect((await call(alice, 'DELETE', `/bookmark-categories/${mine.id}?moveTo=${bobs.id}`)).status).toBe(
      400,
    );
    expect((await call(alice, 'GET', `/bookmark-categories/${mine.id}`)).status).toBe(200);
  });

  it('never deletes the default category', async () => {
    const home = (await list(alice)).find((c) => c.isDefault);
    expect((await call(alice, 'DELETE', `/bookmark-categories/${home?.id}`)).status).toBe(409);
    expect((await list(alice)).filter((c) => c.isDefault)).toHaveLength(1);
  });

  it('sends its bookmarks to Uncategorized by default; its subcategories become top-level', async () => {
    const user = await signUp(app);
    const doomed = await create(user);
    const other = await create(user);
    const child = await create(user, { parentId: doomed.id });
    const onlyHere = await bookmarkIn(user, [doomed.id]);
    const alsoElsewhere = await bookmarkIn(user, [doomed.id, other.id]);
    expect((await call(user, 'DELETE', `/bookmark-categories/${doomed.id}`)).status).toBe(204);
    const home = (await list(user)).find((c) => c.isDefault);
    const categoriesOf = async (b: Bookmark) =>
      (await call<Bookmark>(user, 'GET', `/bookmarks/${b.id}`)).body.categoryIds;
    expect(await categoriesOf(onlyHere)).toEqual([home?.id]);
    expect(await categoriesOf(alsoElsewhere)).toEqual([other.id]);
    expect(
      (await call<BookmarkCategory>(user, 'GET', `/bookmark-categories/${child.id}`)).body.parentId,
    ).toBeNull();
  });

  it('moves every bookmark to moveTo, or deletes those filed only there', async () => {
    const user = await signUp(app);
    const [from, to, keep] = [await create(user), await create(user), await create(user)];
    const moved = await bookmarkIn(user, [from.id]);
    expect((await call(user, 'DELETE', `/bookmark-categories/${from.id}?moveTo=${to.id}`)).status).toBe(204);
    expect((await call<Bookmark>(user, 'GET', `/bookmarks/${moved.id}`)).body.categoryIds).toEqual([to.id]);

    const solo = await bookmarkIn(user, [to.id]);
    const shared = await bookmarkIn(user, [to.id, keep.id]);
    expect((await call(user, 'DELETE', `/bookmark-categories/${to.id}?deleteBookmarks=true`)).status).toBe(
      204,
    );
    expect((await call(user, 'GET', `/bookmarks/${solo.id}`)).status).toBe(404);
    expect((await call(user, 'GET', `/bookmarks/${moved.id}`)).status).toBe(404);
    expect((await call<Bookmark>(user, 'GET', `/bookmarks/${shared.id}`)).body.categoryIds).toEqual([
      keep.id,
    ]);
    const both = await call(
      user,
      'DELETE',
      `/bookmark-categories/${keep.id}?moveTo=${keep.id}&deleteBookmarks=true`,
    );
    expect(both.status).toBe(400);
  });
});

describe('GET /bookmark-categories/:id/bookmarks', () => {
  it('requires authentication', async () => {
    const mine = await create(alice);
    expect((await call(null, 'GET', `/bookmark-categories/${mine.id}/bookmarks`)).status).toBe(401);
  });

  it("refuses another user: someone else's category cannot be listed", async () => {
    const mine = await create(alice);
    await bookmarkIn(alice, [mine.id]);
    expect((await call(bob, 'GET', `/bookmark-categories/${mine.id}/bookmarks`)).status).toBe(404);
  });

  it('lists only that category, with the count on the category', async () => {
    const user = await signUp(app);
    const [a, b] = [await create(user), await create(user)];
    const inA = await bookmarkIn(user, [a.id]);
    await bookmarkIn(user, [b.id]);
    const page = await call<BookmarkPage>(user, 'GET', `/bookmark-categories/${a.id}/bookmarks`);
    expect(page.body.items.map((x) => x.id)).toEqual([inA.id]);
    expect(page.body.pagination.totalCount).toBe(1);
    expect((await list(user)).find((c) => c.id === a.id)?.bookmarkCount).toBe(1);
  });
});
