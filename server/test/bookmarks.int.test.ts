// Bookmarks against the real stack: creating one files it in Uncategorized unless categories are given,
// bookmark_count and the gallery's viewer.bookmarkId follow, moving and copying between categories, and
// another user can neither read, change, move nor delete someone else's bookmark.
import type { FastifyInstance } from 'fastify';
import type {
  Bookmark,
  BookmarkCategory,
  BookmarkCategoryList,
  BookmarkPage,
  GalleryPage,
} from '@genonaut/contracts';
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

const item = (overrides: { is_private?: boolean; title?: string; quality_score?: number } = {}) =>
  createContent(app.db, bob.user.id, overrides);
const bookmark = async (session: Session, contentId: number, extra: object = {}) =>
  expectStatus(await call<Bookmark>(session, 'POST', '/bookmarks', { contentId, ...extra }), 201);
const category = async (session: Session, name: string) =>
  expectStatus(await call<BookmarkCategory>(session, 'POST', '/bookmark-categories', { name }), 201);
const defaultOf = async (session: Session) =>
  (await call<BookmarkCategoryList>(session, 'GET', '/bookmark-categories')).body.items.find(
    (c) => c.isDefault,
  );
const bookmarkCount = async (id: number) =>
  (
    await app.db
      .selectFrom('content_items')
      .select('bookmark_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).bookmark_count;

describe('POST /bookmarks', () => {
  it('requires authentication', async () => {
    const target = await item();
    expect((await call(null, 'POST', '/bookmarks', { contentId: target.id })).status).toBe(401);
  });

  it("refuses another user's private item and another user's category", async () => {
    const own = await createContent(app.db, alice.user.id, { is_private: true });
    expect((await call(bob, 'POST', '/bookmarks', { contentId: own.id })).status).toBe(404);
    const alicesCategory = await category(alice, `Mine ${own.id}`);
    const target = await item();
    const attempt = await call(bob, 'POST', '/bookmarks', {
      contentId: target.id,
      categoryIds: [alicesCategory.id],
    });
    expect(attempt.status).toBe(400);
    expect(
      (await call<BookmarkCategory>(alice, 'GET', `/bookmark-categories/${alicesCategory.id}`)).body
        .bookmarkCount,
    ).toBe(0);
  });

  it('files a new bookmark in Uncategorized, counts it and shows it on the gallery card', async () => {
    const target = await item({ title: `Gallery card ${Date.now()}` });
    const created = await bookmark(alice, target.id, { note: 'for later', pinned: true });
    const home = await defaultOf(alice);
    expect(created).toMatchObject({
      contentId: target.id,
      note: 'for later',
      pinned: true,
      categoryIds: [home?.id],
    });
    expect(created.content).toMatchObject({
      id: target.id,
      bookmarkCount: 1,
      viewer: { bookmarkId: created.id },
    });
    expect(await bookmarkCount(target.id)).toBe(1);
    const gallery = await call<GalleryPage>(
      alice,
      'GET',
      `/content?q=${encodeURIComponent(`"${target.title}"`)}`,
    );
    expect(gallery.body.items[0]?.viewer?.bookmarkId).toBe(created.id);
  });

  it('files it only in the categories given', async () => {
    const target = await item();
    const folder = await category(alice, `Given ${target.id}`);
    const created = await bookmark(alice, target.id, { categoryIds: [folder.id] });
    expect(created.categoryIds).toEqual([folder.id]);
  });

  it('answers 409 for an item already bookmarked and 404 for an unknown one', async () => {
    const target = await item();
    await bookmark(alice, target.id);
    expect((await call(alice, 'POST', '/bookmarks', { contentId: target.id })).status).toBe(409);
    expect((await call(alice, 'POST', '/bookmarks', { contentId: 999_999_999 })).status).toBe(404);
    expect(await bookmarkCount(target.id)).toBe(1);
  });
});

describe('GET, PATCH and DELETE /bookmarks/:id', () => {
  it('requires authentication', async () => {
    const created = await bookmark(alice, (await item()).id);
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const payload = method === 'PATCH' ? { pinned: true } : undefined;
      expect((await call(null, method, `/bookmarks/${created.id}`, payload)).status).toBe(401);
    }
  });

  it("refuses another user: someone else's bookmark does not exist for them", async () => {
    const created = await bookmark(alice, (await item()).id, { note: 'mine' });
    expect((await call(bob, 'GET', `/bookmarks/${created.id}`)).status).toBe(404);
    expect((await call(bob, 'PATCH', `/bookmarks/${created.id}`, { note: 'hijacked' })).status).toBe(404);
    expect((await call(bob, 'DELETE', `/bookmarks/${created.id}`)).status).toBe(404);
    expect((await call<Bookmark>(alice, 'GET', `/bookmarks/${created.id}`)).body.note).toBe('mine');
  });

  it('changes the note and the pin', async () => {
    const created = await bookmark(alice, (await item()).id);
    const updated = expectStatus(
      await call<Bookmark>(alice, 'PATCH', `/bookmarks/${created.id}`, { note: 'nice light', pinned: true }),
      200,
    );
    expect(updated).toMatchObject({ note: 'nice light', pinned: true });
    const cleared = await call<Bookmark>(alice, 'PATCH', `/bookmarks/${created.id}`, { note: null });
    expect(cleared.body.note).toBeNull();
  });

  it('removes a bookmark, its count and its mark on the card', async () => {
    const target = await item();
    const created = await bookmark(alice, target.id);
    expect((await call(alice, 'DELETE', `/bookmarks/${created.id}`)).status).toBe(204);
    expect((await call(alice, 'GET', `/bookmarks/${created.id}`)).status).toBe(404);
    expect(await bookmarkCount(target.id)).toBe(0);
    const card = await call<{ viewer?: { bookmarkId: string | null } }>(
      alice,
      'GET',
      `/content/${target.id}`,
    );
    expect(card.body.viewer?.bookmarkId).toBeNull();
  });
});

describe('PUT /bookmarks/:id/categories', () => {
  it('requires authentication', async () => {
    const created = await bookmark(alice, (await item()).id);
    expect((await call(null, 'PUT', `/bookmarks/${created.id}/categories`, { categoryIds: [] })).status).toBe(
      401,
    );
  });

  it("refuses another user: no moving someone else's bookmark, no filing into someone else's category", async () => {
    const created = await bookmark(alice, (await item()).id);
    const bobs = await category(bob, `Bob's ${created.id}`);
    expect(
      (await call(bob, 'PUT', `/bookmarks/${created.id}/categories`, { categoryIds: [bobs.id] })).status,
    ).toBe(404);
    expect(
      (await call(alice, 'PUT', `/bookmarks/${created.id}/categories`, { categoryIds: [bobs.id] })).status,
    ).toBe(400);
    expect((await call<Bookmark>(alice, 'GET', `/bookmarks/${created.id}`)).body.categoryIds).toEqual([
      (await defaultOf(alice))?.id,
    ]);
  });

  it('moves, copies, and returns a bookmark with no category left to Uncategorized', async () => {
    const created = await bookmark(alice, (await item()).id);
    const [a, b] = [await category(alice, `A ${created.id}`), await category(alice, `B ${created.id}`)];
    const set = (categoryIds: string[]) =>
      call<Bookmark>(alice, 'PUT', `/bookmarks/${created.id}/categories`, { categoryIds }).then((r) =>
        expectStatus(r, 200),
      );
    expect((await set([a.id])).categoryIds).toEqual([a.id]);
    expect((await set([b.id])).categoryIds).toEqual([b.id]);
    expect(new Set((await set([a.id, b.id])).categoryIds)).toEqual(new Set([a.id, b.id]));
    expect((await set([])).categoryIds).toEqual([(await defaultOf(alice))?.id]);
  });
});

describe('GET /bookmarks', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/bookmarks')).status).toBe(401);
  });

  it("refuses another user: a list never holds someone else's bookmarks", async () => {
    const target = await item();
    const mine = await bookmark(alice, target.id);
    const theirs = await call<BookmarkPage>(bob, 'GET', `/bookmarks?contentId=${target.id}`);
    expect(theirs.body.items).toEqual([]);
    expect(
      (await call<BookmarkPage>(alice, 'GET', `/bookmarks?contentId=${target.id}`)).body.items.map(
        (b) => b.id,
      ),
    ).toEqual([mine.id]);
  });

  it('sorts pinned first, then by the chosen key, and pages with an exact total', async () => {
    const user = await signUp(app);
    const items = await Promise.all(
      ['Cedar', 'apple', 'Birch'].map((title, i) => item({ title, quality_score: (i + 1) / 10 })),
    );
    for (const target of items) await bookmark(user, target.id);
    const [cedar, apple, birch] = items.map((i) => i.id);
    await call(user, 'PUT', `/content/${birch}/rating`, { rating: 5 });
    await call(user, 'PUT', `/content/${cedar}/rating`, { rating: 2 });
    const ids = async (query: string) =>
      (await call<BookmarkPage>(user, 'GET', `/bookmarks?${query}`)).body.items.map((b) => b.contentId);
    expect(await ids('')).toEqual([birch, cedar, apple]);
    expect(await ids('sort=title')).toEqual([apple, birch, cedar]);
    expect(await ids('sort=quality')).toEqual([birch, apple, cedar]);
    expect(await ids('sort=added&order=asc')).toEqual([cedar, apple, birch]);
    const pinned = (await call<BookmarkPage>(user, 'GET', `/bookmarks?contentId=${apple}`)).body.items[0];
    await call(user, 'PATCH', `/bookmarks/${pinned?.id}`, { pinned: true });
    expect(await ids('sort=title&order=desc')).toEqual([apple, cedar, birch]);
    const page = await call<BookmarkPage>(user, 'GET', '/bookmarks?pageSize=2&page=2');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.pagination).toMatchObject({
      page: 2,
      pageSize: 2,
      totalCount: 3,
      hasNext: false,
      hasPrevious: true,
    });
  });

  it('drops a bookmarked item that its creator made private, and still lets the bookmark be removed', async () => {
    const target = await item();
    const created = await bookmark(alice, target.id);
    await app.db.updateTable('content_items').set({ is_private: true }).where('id', '=', target.id).execute();
    expect((await call<BookmarkPage>(alice, 'GET', `/bookmarks?contentId=${target.id}`)).body.items).toEqual(
      [],
    );
    expect((await call(alice, 'GET', `/bookmarks/${created.id}`)).status).toBe(404);
    expect((await call(alice, 'DELETE', `/bookmarks/${created.id}`)).status).toBe(204);
  });
});
