// The tag reads against the real stack: hierarchy, ancestor paths, depth walks, popularity from the
// statistics table, autocomplete, lists, visible counts and related tags. Every tag here is the test's
// own (a unique slug prefix per run), so seed data and parallel files cannot change the answers.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type {
  PopularTags,
  RelatedTags,
  TagDepthList,
  TagDetail,
  TagHierarchy,
  TagPage,
  TagSuggestions,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signUp, type Session } from './auth-helpers';
import { createContent, createTag } from './factories';
import { refreshTagCardinalityStats } from '../src/modules/stats/stats.repository';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
const p = `t${randomUUID().slice(0, 8)}`;

type TagRow = Awaited<ReturnType<typeof createTag>>;
const tag = (suffix: string, name = `${p} ${suffix}`) => createTag(app.db, { slug: `${p}-${suffix}`, name });
const link = (child: TagRow, ...parents: TagRow[]) =>
  app.db
    .insertInto('tag_parents')
    .values(parents.map((parent) => ({ tag_id: child.id, parent_id: parent.id })))
    .execute();
/** A content item of `creatorId` carrying `tags`. */
async function item(creatorId: string, tags: TagRow[], overrides: Parameters<typeof createContent>[2] = {}) {
  const row = await createContent(app.db, creatorId, overrides);
  await app.db
    .insertInto('content_tags')
    .values(tags.map((t) => ({ content_id: row.id, tag_id: t.id })))
    .execute();
  return row;
}
const get = <T>(url: string, session: Session | null = null) =>
  app.inject(as(session, { method: 'GET', url: `/api/v1${url}` })).then((r) => ({
    status: r.statusCode,
    body: r.json<T>(),
  }));

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob] = await Promise.all([signUp(app), signUp(app)]);
});
afterAll(() => app.close());

describe('the hierarchy (a tag with two parents)', () => {
  let art: TagRow, nature: TagRow, landscape: TagRow, mountain: TagRow, alpine: TagRow;

  beforeAll(async () => {
    art = await tag('art');
    nature = await tag('nature');
    landscape = await tag('landscape');
    mountain = await tag('mountain');
    alpine = await tag('alpine');
    await link(landscape, art, nature);
    await link(mountain, landscape);
    await link(alpine, mountain);
  });

  it('lists every tag with all its parent ids, child counts and the roots', async () => {
    const { status, body } = await get<TagHierarchy>('/tags/hierarchy');
    expect(status).toBe(200);
    const node = (id: string) => body.nodes.find((n) => n.id === id);
    expect(node(landscape.id)?.parentIds.sort()).toEqual([art.id, nature.id].sort());
    expect(node(art.id)).toMatchObject({ parentIds: [], childCount: 1, contentCount: 0 });
    expect(node(alpine.id)).toMatchObject({ parentIds: [mountain.id], childCount: 0 });
    expect(body.rootIds).toEqual(expect.arrayContaining([art.id, nature.id]));
    expect(body.rootIds).not.toContain(landscape.id);
  });

  it('gives every path from a root down to the tag, by slug or by id', async () => {
    const bySlug = await get<TagDetail>(`/tags/${alpine.slug}`);
    expect(bySlug.status).toBe(200);
    const names = bySlug.body.ancestorPaths.map((path) => path.map((t) => t.slug));
    expect(names).toEqual([
      [art.slug, landscape.slug, mountain.slug, alpine.slug],
      [nature.slug, landscape.slug, mountain.slug, alpine.slug],
    ]);
    const byId = await get<TagDetail>(`/tags/${alpine.id}`);
    expect(byId.body.ancestorPaths).toEqual(bySlug.body.ancestorPaths);
    expect(byId.body.parents).toEqual([{ id: mountain.id, slug: mountain.slug, name: mountain.name }]);
    expect(byId.body.children).toEqual([]);
  });

  it('shows both parents and the children of the two-parent tag', async () => {
    const { body } = await get<TagDetail>(`/tags/${landscape.id}`);
    expect(body.parents.map((t) => t.id)).toEqual([art.id, nature.id]);
    expect(body.children.map((t) => t.id)).toEqual([mountain.id]);
    expect(body.ancestorPaths).toHaveLength(2);
  });

  it('walks ancestors and descendants with their depth, limited by maxDepth', async () => {
    const up = await get<TagDepthList>(`/tags/${alpine.id}/ancestors`);
    expect(up.body.items.map((t) => [t.slug, t.depth])).toEqual([
      [mountain.slug, 1],
      [landscape.slug, 2],
      [art.slug, 3],
      [nature.slug, 3],
    ]);
    const near = await get<TagDepthList>(`/tags/${alpine.id}/ancestors?maxDepth=2`);
    expect(near.body.items.map((t) => t.slug)).toEqual([mountain.slug, landscape.slug]);
    const down = await get<TagDepthList>(`/tags/${art.id}/descendants`);
    expect(down.body.items.map((t) => [t.slug, t.depth])).toEqual([
      [landscape.slug, 1],
      [mountain.slug, 2],
      [alpine.slug, 3],
    ]);
    const children = await get<TagDepthList>(`/tags/${art.id}/descendants?maxDepth=1`);
    expect(children.body.items.map((t) => t.slug)).toEqual([landscape.slug]);
  });

  it('refuses a bad maxDepth or id, and answers 404 for an unknown tag', async () => {
    expect((await get(`/tags/${art.id}/descendants?maxDepth=0`)).status).toBe(400);
    expect((await get(`/tags/${art.id}/descendants?maxDepth=11`)).status).toBe(400);
    expect((await get(`/tags/${art.slug}/ancestors`)).status).toBe(400);
    const unknown = await get<{ error: { code: string } }>(`/tags/${randomUUID()}/ancestors`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await get(`/tags/${p}-no-such-tag`)).status).toBe(404);
    expect((await get(`/tags/${randomUUID()}`)).status).toBe(404);
  });
});

describe('GET /tags/popular', () => {
  it('reads the statistics table: counts per source, most used first, stale until refreshed', async () => {
    const [busy, quiet] = await Promise.all([tag('busy'), tag('quiet')]);
    for (const source of ['regular', 'regular', 'regular', 'auto'] as const) {
      await item(alice.user.id, [busy], { source });
    }
    await item(alice.user.id, [quiet]);
    await item(alice.user.id, [quiet]);
    await refreshTagCardinalityStats(app.db, 75);
    await item(alice.user.id, [quiet]); // after the refresh: must not show until the next one

    const all = (await get<PopularTags>('/tags/popular?limit=100')).body;
    const count = (list: PopularTags, id: string) => list.items.find((t) => t.id === id)?.contentCount;
    expect(count(all, busy.id)).toBe(4);
    expect(count(all, quiet.id)).toBe(2);
    expect(all.source).toBe('all');
    expect(all.updatedAt).not.toBeNull();
    const counts = all.items.map((t) => t.contentCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const auto = (await get<PopularTags>('/tags/popular?source=auto&limit=100')).body;
    expect(count(auto, busy.id)).toBe(1);
    expect(count(auto, quiet.id)).toBeUndefined();
    expect((await get('/tags/popular?limit=101')).status).toBe(400);
    expect((await get('/tags/popular?source=mine')).status).toBe(400);
  });
});

describe('GET /tags/autocomplete and GET /tags', () => {
  let blue: TagRow, red: TagRow, percent: TagRow, letter: TagRow;

  beforeAll(async () => {
    blue = await tag('blue-word', `Blue ${p}word`);
    red = await tag('word-red', `${p}word Red`);
    percent = await tag('fifty-off', `${p} 50% off`);
    letter = await tag('fifty-x-off', `${p} 50x off`);
  });

  it('puts prefix matches of the name or slug before substring matches', async () => {
    const { status, body } = await get<TagSuggestions>(`/tags/autocomplete?q=${p}word`);
    expect(status).toBe(200);
    expect(body.items.map((t) => t.id)).toEqual([red.id, blue.id]);
    const bySlug = await get<TagSuggestions>(`/tags/autocomplete?q=${p}-fifty-o`);
    expect(bySlug.body.items.map((t) => t.id)).toEqual([percent.id]);
  });

  it('treats % and _ in the query as themselves', async () => {
    const percentQuery = await get<TagSuggestions>(`/tags/autocomplete?q=${encodeURIComponent(`${p} 50%`)}`);
    expect(percentQuery.body.items.map((t) => t.id)).toEqual([percent.id]);
    const underscore = await get<TagSuggestions>(`/tags/autocomplete?q=${encodeURIComponent(`${p} 50_`)}`);
    expect(underscore.body.items).toEqual([]);
    const listed = await get<TagPage>(`/tags?q=${encodeURIComponent(`${p} 50%`)}`);
    expect(listed.body.items.map((t) => t.id)).toEqual([percent.id]);
    expect(listed.body.items.map((t) => t.id)).not.toContain(letter.id);
  });

  it('needs a query of 1–100 characters and at most 20 results', async () => {
    expect((await get('/tags/autocomplete')).status).toBe(400);
    expect((await get('/tags/autocomplete?q=')).status).toBe(400);
    expect((await get(`/tags/autocomplete?q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await get(`/tags/autocomplete?q=${p}&limit=21`)).status).toBe(400);
  });

  it('lists tags matching name or slug, sorted and paged', async () => {
    const byName = await get<TagPage>(`/tags?q=${p}&sort=name&pageSize=100`);
    expect(byName.status).toBe(200);
    const names = byName.body.items.map((t) => t.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(byName.body.pagination).toMatchObject({ page: 1, pageSize: 100, hasPrevious: false });
    const reversed = await get<TagPage>(`/tags?q=${p}&sort=-name&pageSize=100`);
    expect(reversed.body.items.map((t) => t.id)).toEqual(byName.body.items.map((t) => t.id).reverse());

    const total = byName.body.pagination.totalCount ?? 0;
    const second = await get<TagPage>(`/tags?q=${p}&sort=name&pageSize=2&page=2`);
    expect(second.body.items.map((t) => t.id)).toEqual(byName.body.items.slice(2, 4).map((t) => t.id));
    expect(second.body.pagination).toMatchObject({ page: 2, totalCount: total, hasPrevious: true });

    const slugOnly = await get<TagPage>(`/tags?q=${p}-word-r`);
    expect(slugOnly.body.items.map((t) => t.id)).toEqual([red.id]);
    expect(slugOnly.body.items[0]).toMatchObject({ parentIds: [], ratingAvg: null, ratingCount: 0 });
  });

  it('refuses an unknown sort and an oversized page', async () => {
    expect((await get('/tags?sort=random')).status).toBe(400);
    expect((await get('/tags?pageSize=101')).status).toBe(400);
  });
});

describe('counts on the tag page', () => {
  it('never counts another user’s private item', async () => {
    const counted = await tag('counted');
    await item(alice.user.id, [counted]);
    await item(alice.user.id, [counted], { is_private: true });
    await item(bob.user.id, [counted], { is_private: true });
    await item(bob.user.id, [counted], { moderation_status: 'pending', risk_score: 99 });

    const visible = async (session: Session | null) =>
      (await get<TagDetail>(`/tags/${counted.slug}`, session)).body.counts;
    expect(await visible(null)).toMatchObject({ visible: 1, visibleIsCapped: false });
    expect((await visible(alice)).visible).toBe(2);
    expect((await visible(bob)).visible).toBe(3);
  });

  it('shows a viewer section only to a signed-in caller', async () => {
    const plain = await tag('plain');
    expect((await get<TagDetail>(`/tags/${plain.id}`)).body.viewer).toBeUndefined();
    expect((await get<TagDetail>(`/tags/${plain.id}`, alice)).body.viewer).toEqual({
      rating: null,
      isFavorite: false,
    });
  });
});

describe('GET /tags/:id/related', () => {
  it('ranks tags by shared public items and reveals nothing about private ones', async () => {
    const [base, often, once, secret] = await Promise.all([
      tag('base'),
      tag('often'),
      tag('once'),
      tag('secret'),
    ]);
    await item(alice.user.id, [base, often]);
    await item(alice.user.id, [base, often, once]);
    await item(alice.user.id, [base, once, secret], { is_private: true });

    const { status, body } = await get<RelatedTags>(`/tags/${base.id}/related`, alice);
    expect(status).toBe(200);
    expect(body.items.map((t) => [t.id, t.sharedCount])).toEqual([
      [often.id, 2],
      [once.id, 1],
    ]);
    expect((await get(`/tags/${randomUUID()}/related`)).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the tag paths', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/tags',
        '/api/v1/tags/hierarchy',
        '/api/v1/tags/popular',
        '/api/v1/tags/autocomplete',
        '/api/v1/tags/{id}/ancestors',
        '/api/v1/tags/{id}/descendants',
        '/api/v1/tags/{id}/related',
        '/api/v1/tags/{id}/rating',
        '/api/v1/tags/{id}/favorite',
        '/api/v1/tags/{id}/parents',
        '/api/v1/tags/{id}',
      ]),
    );
    // GET (id or slug), PATCH and DELETE share one path template.
    expect(Object.keys(doc.paths['/api/v1/tags/{id}'] ?? {}).sort()).toEqual(
      expect.arrayContaining(['delete', 'get', 'patch']),
    );
    expect(Object.keys(doc.paths['/api/v1/tags'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
