// GET /content over the real stack: keyset paging for every sort, page numbers, visibility, source
// scopes, tag filters with descendants, search, viewer state and the statement timeout.
import type { FastifyInstance } from 'fastify';
import type { ContentStats, ErrorResponse, GalleryPage, GallerySort } from '@genonaut/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { refreshGenSourceStats } from '../src/modules/stats/stats.repository';
import { as, signUp, type Session } from './auth-helpers';
import { createContent, createTag } from './factories';
import { buildTestApp, testConfig } from './test-context';

let app: FastifyInstance;
let owner: Session;
let other: Session;

beforeAll(async () => {
  app = await buildTestApp();
  [owner, other] = await Promise.all([signUp(app), signUp(app)]);
});
afterAll(() => app.close());

const gallery = async (query: string, session: Session | null = null) => {
  const response = await app.inject(as(session, { method: 'GET', url: `/api/v1/content?${query}` }));
  if (response.statusCode !== 200) throw new Error(`${response.statusCode}: ${response.body}`);
  return response.json<GalleryPage>();
};
const ids = (page: GalleryPage) => page.items.map((i) => i.id);

describe('paging by cursor and by page number', () => {
  let creatorId: string;
  const expected = new Map<GallerySort, number[]>();

  beforeAll(async () => {
    creatorId = owner.user.id;
    const base = Date.parse('2026-03-01T12:00:00Z');
    for (let i = 0; i < 23; i++) {
      // Every third item shares a timestamp with the previous one: ties must be broken by id.
      const at = new Date(base + Math.floor(i / 3) * 60_000 + (i % 3 === 2 ? 0 : (i % 3) * 1000));
      const item = await createContent(app.db, creatorId, {
        created_at: at,
        quality_score: i % 4 === 0 ? null : (i % 7) / 7,
      });
      await app.db
        .updateTable('content_items')
        .set({ rating_avg: (i % 5) + 0.5 * (i % 2), rating_count: i % 3, bookmark_count: i % 4 })
        .where('id', '=', item.id)
        .execute();
    }
    const key = (order: string) => `${order}, c.id DESC`;
    const orders: Record<GallerySort, string> = {
      newest: 'c.created_at DESC, c.id DESC',
      oldest: 'c.created_at ASC, c.id ASC',
      top_rated: key('c.rating_avg DESC, c.rating_count DESC'),
      quality: key('COALESCE(c.quality_score, -1) DESC'),
      most_bookmarked: key('c.bookmark_count DESC'),
    };
    for (const [sort, order] of Object.entries(orders) as [GallerySort, string][]) {
      const { rows } = await sql<{
        id: number;
      }>`SELECT c.id FROM content_items c WHERE c.creator_id = ${creatorId} ORDER BY ${sql.raw(order)}`.execute(
        app.db,
      );
      expected.set(
        sort,
        rows.map((r) => r.id),
      );
    }
  });

  it.each(['newest', 'oldest', 'top_rated', 'quality', 'most_bookmarked'] as GallerySort[])(
    'walks every item exactly once in %s order, forwards and back, and pages agree with cursors',
    async (sort) => {
      const base = `creatorId=${creatorId}&sort=${sort}&pageSize=5`;
      const pages: number[][] = [];
      let page = await gallery(base);
      expect(page.pagination).toMatchObject({
        page: 1,
        totalCount: 23,
        totalCountIsEstimate: false,
        hasPrevious: false,
      });
      pages.push(ids(page));
      while (page.pagination.nextCursor) {
        page = await gallery(`${base}&cursor=${page.pagination.nextCursor}`);
        pages.push(ids(page));
      }
      expect(pages.flat()).toEqual(expected.get(sort));
      expect(pages).toHaveLength(5);
      expect(page.pagination.hasNext).toBe(false);

      for (const [index, pageIds] of pages.entries()) {
        const numbered = await gallery(`${base}&page=${index + 1}`);
        expect(ids(numbered)).toEqual(pageIds);
        expect(numbered.pagination.page).toBe(index + 1);
      }

      const backwards: number[][] = [ids(page)];
      while (page.pagination.prevCursor) {
        page = await gallery(`${base}&cursor=${page.pagination.prevCursor}`);
        backwards.unshift(ids(page));
      }
      expect(backwards).toEqual(pages);
      expect(page.pagination.page).toBe(1);
    },
  );

  it('returns every item that existed once, in order, while new items arrive between pages', async () => {
    const base = `creatorId=${creatorId}&sort=oldest&pageSize=4`;
    const seen: number[] = [];
    let page = await gallery(base);
    seen.push(...ids(page));
    const added: number[] = [];
    while (page.pagination.nextCursor) {
      added.push(
        (await createContent(app.db, creatorId, { created_at: new Date('2026-03-01T12:30:00Z') })).id,
      );
      added.push(
        (await createContent(app.db, creatorId, { created_at: new Date('2026-01-01T00:00:00Z') })).id,
      );
      page = await gallery(`${base}&cursor=${page.pagination.nextCursor}`);
      seen.push(...ids(page));
    }
    expect(new Set(seen).size).toBe(seen.length);
    const original = expected.get('oldest') ?? [];
    expect(seen.filter((id) => original.includes(id))).toEqual(original);
    await app.db.deleteFrom('content_items').where('id', 'in', added).execute();
  });

  it('refuses a cursor of another sort, a forged cursor and page with cursor', async () => {
    const first = await gallery(`creatorId=${creatorId}&sort=newest&pageSize=5`);
    const cursor = first.pagination.nextCursor ?? '';
    for (const query of [
      `sort=oldest&cursor=${cursor}`,
      'cursor=bm90LWEtY3Vyc29y',
      `cursor=${cursor}&page=2`,
      'page=401',
      'pageSize=0',
      'pageSize=101',
      'sort=random',
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/content?creatorId=${creatorId}&${query}`,
      });
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(response.json<ErrorResponse>().error.details?.[0]?.field).toMatch(/^query\./);
    }
  });
});

describe('visibility and source scopes', () => {
  let tagSlug: string;
  let publicRegular: number;
  let privateRegular: number;
  let publicAuto: number;
  let othersPublic: number;
  let othersPrivate: number;
  let othersHidden: number;

  beforeAll(async () => {
    const tag = await createTag(app.db);
    tagSlug = tag.slug;
    const make = async (creator: string, overrides: Parameters<typeof createContent>[2]) => {
      const item = await createContent(app.db, creator, overrides);
      await app.db.insertInto('content_tags').values({ content_id: item.id, tag_id: tag.id }).execute();
      return item.id;
    };
    publicRegular = await make(owner.user.id, {});
    privateRegular = await make(owner.user.id, { is_private: true });
    publicAuto = await make(owner.user.id, { source: 'auto' });
    othersPublic = await make(other.user.id, {});
    othersPrivate = await make(other.user.id, { is_private: true });
    othersHidden = await make(other.user.id, { moderation_status: 'pending', risk_score: 90 });
  });

  it('shows anonymous callers only public items, and no "mine"', async () => {
    expect(ids(await gallery(`tags=${tagSlug}`)).sort()).toEqual(
      [publicRegular, publicAuto, othersPublic].sort(),
    );
    expect(ids(await gallery(`tags=${tagSlug}&sources=mine-regular,mine-auto`))).toEqual([]);
  });

  it('never shows another user’s private or moderation-hidden item, in any scope or count', async () => {
    for (const sources of [
      '',
      'mine-regular',
      'mine-auto',
      'community-regular',
      'community-auto',
      'mine-regular,mine-auto,community-regular,community-auto',
    ]) {
      const page = await gallery(`tags=${tagSlug}${sources ? `&sources=${sources}` : ''}`, owner);
      expect(ids(page)).not.toContain(othersPrivate);
      expect(ids(page)).not.toContain(othersHidden);
      expect(page.pagination.totalCount).toBe(page.items.length);
    }
    const mine = await gallery(`tags=${tagSlug}`, other);
    expect(ids(mine)).toEqual(expect.arrayContaining([othersPrivate, othersHidden]));
  });

  it('splits mine and community by source', async () => {
    expect(ids(await gallery(`tags=${tagSlug}&sources=mine-regular`, owner)).sort()).toEqual(
      [publicRegular, privateRegular].sort(),
    );
    expect(ids(await gallery(`tags=${tagSlug}&sources=mine-auto`, owner))).toEqual([publicAuto]);
    expect(ids(await gallery(`tags=${tagSlug}&sources=community-regular`, owner))).toEqual([othersPublic]);
    expect(ids(await gallery(`tags=${tagSlug}&sources=community-auto`, owner))).toEqual([]);
    expect((await gallery(`tags=${tagSlug}&sources=`, owner)).items).toEqual([]);
    const bad = await app.inject({ method: 'GET', url: `/api/v1/content?sources=mine,everything` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorResponse>().error.details).toEqual([
      { field: 'query.sources', message: expect.stringContaining('"mine"') },
    ]);
  });

  it('shows admins in galleries what any user sees', async () => {
    const admin = await signUp(app);
    await app.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    const page = await gallery(`tags=${tagSlug}`, admin);
    expect(ids(page)).not.toContain(othersPrivate);
  });

  it('carries the viewer’s bookmark and rating on each item', async () => {
    await app.db
      .insertInto('content_ratings')
      .values({ user_id: owner.user.id, content_id: othersPublic, rating: 4 })
      .execute();
    const bookmark = await app.db
      .insertInto('bookmarks')
      .values({ user_id: owner.user.id, content_id: othersPublic })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = (await gallery(`tags=${tagSlug}`, owner)).items.find((i) => i.id === othersPublic);
    expect(item?.viewer).toEqual({ bookmarkId: bookmark.id, rating: 4 });
    expect((await gallery(`tags=${tagSlug}`)).items[0]?.viewer).toBeUndefined();
  });

  it('counts the source switches from the statistics without others’ private items', async () => {
    await refreshGenSourceStats(app.db, 75);
    const stats = (
      await app.inject(as(owner, { method: 'GET', url: '/api/v1/content/stats' }))
    ).json<ContentStats>();
    expect(stats.mineRegular).toBeGreaterThanOrEqual(2);
    expect(stats.mineAuto).toBeGreaterThanOrEqual(1);
    const { public_count: publicCount } = await app.db
      .selectFrom('gen_source_stats')
      .select('public_count')
      .where('user_id', 'is', null)
      .where('source', '=', 'regular')
      .executeTakeFirstOrThrow();
    const { n: ownerPublic } = await app.db
      .selectFrom('content_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('creator_id', '=', owner.user.id)
      .where('source', '=', 'regular')
      .where('is_private', '=', false)
      .executeTakeFirstOrThrow();
    expect(stats.communityRegular).toBe(Number(publicCount) - Number(ownerPublic));
    const anonymous = (
      await app.inject({ method: 'GET', url: '/api/v1/content/stats' })
    ).json<ContentStats>();
    expect(anonymous).toMatchObject({ mineRegular: 0, mineAuto: 0, communityRegular: Number(publicCount) });
  });
});

describe('tag filters', () => {
  it('finds items tagged only with a leaf two levels below a root, also through its second parent', async () => {
    const [root, mid, leaf, otherRoot, otherMid, lone] = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => createTag(app.db)),
    );
    if (!root || !mid || !leaf || !otherRoot || !otherMid || !lone) throw new Error('tags');
    await app.db
      .insertInto('tag_parents')
      .values([
        { tag_id: mid.id, parent_id: root.id },
        { tag_id: leaf.id, parent_id: mid.id },
        { tag_id: otherMid.id, parent_id: otherRoot.id },
        { tag_id: leaf.id, parent_id: otherMid.id },
      ])
      .execute();
    const leafItem = await createContent(app.db, owner.user.id);
    const loneItem = await createContent(app.db, owner.user.id);
    const bothItem = await createContent(app.db, owner.user.id);
    await app.db
      .insertInto('content_tags')
      .values([
        { content_id: leafItem.id, tag_id: leaf.id },
        { content_id: loneItem.id, tag_id: lone.id },
        { content_id: bothItem.id, tag_id: leaf.id },
        { content_id: bothItem.id, tag_id: lone.id },
      ])
      .execute();
    const scope = `creatorId=${owner.user.id}`;
    expect(ids(await gallery(`${scope}&tags=${root.slug}`)).sort()).toEqual(
      [leafItem.id, bothItem.id].sort(),
    );
    expect(ids(await gallery(`${scope}&tags=${otherRoot.slug}`)).sort()).toEqual(
      [leafItem.id, bothItem.id].sort(),
    );
    expect(ids(await gallery(`${scope}&tags=${root.id}`)).sort()).toEqual([leafItem.id, bothItem.id].sort());
    expect(ids(await gallery(`${scope}&tags=${root.slug}&expandTags=false`))).toEqual([]);
    expect(ids(await gallery(`${scope}&tags=${root.slug},${lone.slug}`))).toEqual([bothItem.id]);
    expect(ids(await gallery(`${scope}&tags=${root.slug},${lone.slug}&tagMatch=any`)).sort()).toEqual(
      [leafItem.id, loneItem.id, bothItem.id].sort(),
    );
    const unknown = await app.inject({ method: 'GET', url: `/api/v1/content?tags=no-such-tag-anywhere` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorResponse>().error.details?.[0]).toEqual({
      field: 'query.tags',
      message: 'unknown tag "no-such-tag-anywhere"',
    });
  });
});

describe('search through the gallery', () => {
  it('filters by the search expression and points at a malformed one', async () => {
    const mark = `zq${Date.now().toString(36)}`;
    const a = await createContent(app.db, owner.user.id, {
      title: `${mark} lighthouse`,
      prompt: 'a lighthouse at dusk',
      steps: 30,
    });
    await createContent(app.db, owner.user.id, {
      title: `${mark} forest`,
      prompt: 'a misty forest',
      steps: 20,
    });
    expect(ids(await gallery(`q=${encodeURIComponent(`${mark} lighthouse steps:>=25`)}`))).toEqual([a.id]);
    const bad = await app.inject({
      method: 'GET',
      url: `/api/v1/content?q=${encodeURIComponent('"unclosed')}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorResponse>().error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'query.q' }],
    });
  });
});

describe('statement timeout', () => {
  it('answers 504 query_timeout instead of hanging', async () => {
    const slow = await buildApp({
      config: testConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '100' }),
      logger: false,
      redis: app.redis,
    });
    slow.get('/api/v1/test-slow-query', { config: { access: 'public' } }, async () => {
      await sql`SELECT pg_sleep(2)`.execute(slow.db);
      return {};
    });
    try {
      const response = await slow.inject({ method: 'GET', url: '/api/v1/test-slow-query' });
      expect(response.statusCode).toBe(504);
      expect(response.json<ErrorResponse>().error.code).toBe('query_timeout');
    } finally {
      await slow.close();
    }
  });
});
