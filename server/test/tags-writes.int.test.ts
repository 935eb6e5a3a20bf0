// The tag writes against the real stack: each user's half-star rating and favourite, and the admin's
// create, edit, delete and re-parenting (cycles refused, every change audited). Tags are the test's own.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type {
  ErrorResponse,
  FavoriteTagList,
  TagDetail,
  TagFavoriteResponse,
  TagHierarchy,
  TagRatingResponse,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import { tagIdForSlug } from '../src/lib/tag-id';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
const p = `w${randomUUID().slice(0, 8)}`;

const call = <T>(session: Session | null, method: InjectOptions['method'], url: string, payload?: object) =>
  app.inject(as(session, { method, url: `/api/v1${url}`, payload })).then((r) => ({
    status: r.statusCode,
    body: (r.body ? r.json<T>() : null) as T,
  }));
const create = async (suffix: string, extra: { parentIds?: string[]; description?: string } = {}) => {
  const { status, body } = await call<TagDetail>(admin, 'POST', '/tags', {
    name: `${p} ${suffix}`,
    slug: `${p}-${suffix}`,
    ...extra,
  });
  if (status !== 201) throw new Error(`tag create failed: ${status} ${JSON.stringify(body)}`);
  return body;
};
const auditOf = (targetId: string, action: string) =>
  app.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', targetId)
    .where('action', '=', action)
    .execute();

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob, admin] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
});
afterAll(() => app.close());

describe('rating a tag', () => {
  let tagId: string;
  beforeAll(async () => {
    tagId = (await create('rated')).id;
  });

  it('requires authentication', async () => {
    expect((await call(null, 'PUT', `/tags/${tagId}/rating`, { rating: 4 })).status).toBe(401);
    expect((await call(null, 'DELETE', `/tags/${tagId}/rating`)).status).toBe(401);
  });

  it('accepts half stars from 1 to 5 only', async () => {
    for (const rating of [4.3, 6, 0.5, 0]) {
      const { status, body } = await call<ErrorResponse>(alice, 'PUT', `/tags/${tagId}/rating`, { rating });
      expect({ rating, status, code: body.error.code }).toEqual({
        rating,
        status: 400,
        code: 'validation_failed',
      });
    }
    const ok = await call<TagRatingResponse>(alice, 'PUT', `/tags/${tagId}/rating`, { rating: 4.5 });
    expect(ok).toEqual({ status: 200, body: { rating: 4.5, ratingAvg: 4.5, ratingCount: 1 } });
  });

  it('averages over users and shows each their own rating', async () => {
    const bobs = await call<TagRatingResponse>(bob, 'PUT', `/tags/${tagId}/rating`, { rating: 3 });
    expect(bobs.body).toEqual({ rating: 3, ratingAvg: 3.75, ratingCount: 2 });
    const forAlice = await call<TagDetail>(alice, 'GET', `/tags/${tagId}`);
    expect(forAlice.body).toMatchObject({ ratingAvg: 3.75, ratingCount: 2, viewer: { rating: 4.5 } });
  });

  it('refuses another user: removing a rating removes only the caller’s', async () => {
    const removed = await call<TagRatingResponse>(alice, 'DELETE', `/tags/${tagId}/rating`);
    expect(removed.body).toEqual({ rating: null, ratingAvg: 3, ratingCount: 1 });
    expect((await call<TagDetail>(bob, 'GET', `/tags/${tagId}`)).body.viewer?.rating).toBe(3);
  });

  it('answers 404 for an unknown tag', async () => {
    expect((await call(alice, 'PUT', `/tags/${randomUUID()}/rating`, { rating: 2 })).status).toBe(404);
  });
});

describe('favourite tags', () => {
  let tagId: string;
  beforeAll(async () => {
    tagId = (await create('liked')).id;
  });

  it('requires authentication', async () => {
    expect((await call(null, 'PUT', `/tags/${tagId}/favorite`)).status).toBe(401);
    expect((await call(null, 'DELETE', `/tags/${tagId}/favorite`)).status).toBe(401);
  });

  it('toggles the caller’s favourite only, idempotently', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await call<TagFavoriteResponse>(alice, 'PUT', `/tags/${tagId}/favorite`)).body).toEqual({
        isFavorite: true,
      });
    }
    const mine = await call<FavoriteTagList>(alice, 'GET', '/users/me/favorite-tags');
    expect(mine.body.items.map((t) => t.id)).toContain(tagId);
    expect((await call<TagDetail>(alice, 'GET', `/tags/${tagId}`)).body.viewer?.isFavorite).toBe(true);
    expect((await call<TagDetail>(bob, 'GET', `/tags/${tagId}`)).body.viewer?.isFavorite).toBe(false);
    await call(bob, 'DELETE', `/tags/${tagId}/favorite`);
    expect((await call<TagDetail>(alice, 'GET', `/tags/${tagId}`)).body.viewer?.isFavorite).toBe(true);
    expect((await call<TagFavoriteResponse>(alice, 'DELETE', `/tags/${tagId}/favorite`)).body).toEqual({
      isFavorite: false,
    });
    expect((await call<TagDetail>(alice, 'GET', `/tags/${tagId}`)).body.viewer?.isFavorite).toBe(false);
  });
});

describe('admin: creating and editing tags', () => {
  it('requires authentication and refuses a plain user', async () => {
    const id = (await create('guarded')).id;
    const attempts: [InjectOptions['method'], string, object | undefined][] = [
      ['POST', '/tags', { name: `${p} sneaky` }],
      ['PATCH', `/tags/${id}`, { name: 'renamed' }],
      ['DELETE', `/tags/${id}`, undefined],
      ['PUT', `/tags/${id}/parents`, { parentIds: [] }],
    ];
    for (const [method, url, payload] of attempts) {
      expect({ method, url, status: (await call(null, method, url, payload)).status }).toEqual({
        method,
        url,
        status: 401,
      });
      expect({ method, url, status: (await call(alice, method, url, payload)).status }).toEqual({
        method,
        url,
        status: 403,
      });
    }
    const unchanged = await call<TagDetail>(null, 'GET', `/tags/${id}`);
    expect(unchanged.body.name).toBe(`${p} guarded`);
    expect((await call(null, 'GET', `/tags/${p}-sneaky`)).status).toBe(404);
  });

  it('derives the slug (and so the id) from the name and records an audit row', async () => {
    const { status, body } = await call<TagDetail>(admin, 'POST', '/tags', {
      name: `${p} Café Crème`,
      description: 'Warm tones',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      slug: `${p}-cafe-creme`,
      name: `${p} Café Crème`,
      description: 'Warm tones',
    });
    expect(body.id).toBe(tagIdForSlug(`${p}-cafe-creme`));
    const audit = await auditOf(body.id, 'admin.tag_create');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(admin.user.id);
  });

  it('refuses a taken, malformed or reserved slug and unknown parents', async () => {
    const existing = await create('taken');
    const duplicate = await call<ErrorResponse>(admin, 'POST', '/tags', { name: 'x', slug: existing.slug });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'body.slug' }] });
    expect((await call(admin, 'POST', '/tags', { name: 'x', slug: 'Not A Slug' })).status).toBe(400);
    expect((await call(admin, 'POST', '/tags', { name: 'Popular' })).status).toBe(400);
    expect((await call(admin, 'POST', '/tags', { name: '★★★' })).status).toBe(400);
    const orphan = await call<ErrorResponse>(admin, 'POST', '/tags', {
      name: `${p} orphan`,
      parentIds: [randomUUID()],
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details?.[0]?.field).toBe('body.parentIds');
    expect((await call(null, 'GET', `/tags/${p}-orphan`)).status).toBe(404);
  });

  it('creates under parents and renames without changing the slug', async () => {
    const parent = await create('parent');
    const child = await create('child', { parentIds: [parent.id] });
    expect(child.parents.map((t) => t.id)).toEqual([parent.id]);
    const patched = await call<TagDetail>(admin, 'PATCH', `/tags/${child.id}`, {
      name: `${p} Renamed`,
      description: null,
    });
    expect(patched.body).toMatchObject({
      id: child.id,
      slug: child.slug,
      name: `${p} Renamed`,
      description: null,
    });
    expect(await auditOf(child.id, 'admin.tag_update')).toHaveLength(1);
    expect((await call(admin, 'PATCH', `/tags/${child.id}`, {})).status).toBe(400);
    expect((await call(admin, 'PATCH', `/tags/${child.id}`, { slug: 'other' })).status).toBe(400);
    expect((await call(admin, 'PATCH', `/tags/${randomUUID()}`, { name: 'x' })).status).toBe(404);
  });
});

describe('admin: deleting tags and replacing parents', () => {
  it('deletes a tag: children keep their other parents or become roots', async () => {
    const [doomed, other] = [await create('doomed'), await create('other')];
    const shared = await create('shared', { parentIds: [doomed.id, other.id] });
    const only = await create('only', { parentIds: [doomed.id] });
    expect((await call(admin, 'DELETE', `/tags/${doomed.id}`)).status).toBe(204);
    expect((await call(null, 'GET', `/tags/${doomed.id}`)).status).toBe(404);
    expect((await call<TagDetail>(null, 'GET', `/tags/${shared.id}`)).body.parents.map((t) => t.id)).toEqual([
      other.id,
    ]);
    const tree = (await call<TagHierarchy>(null, 'GET', '/tags/hierarchy')).body;
    expect(tree.rootIds).toContain(only.id);
    expect(await auditOf(doomed.id, 'admin.tag_delete')).toHaveLength(1);
    expect((await call(admin, 'DELETE', `/tags/${doomed.id}`)).status).toBe(404);
  });

  it('replaces the parent set in one step and audits it', async () => {
    const [a, b, c] = [await create('pa'), await create('pb'), await create('pc')];
    const tag = await create('moved', { parentIds: [a.id] });
    const moved = await call<TagDetail>(admin, 'PUT', `/tags/${tag.id}/parents`, { parentIds: [b.id, c.id] });
    expect(moved.status).toBe(200);
    expect(moved.body.parents.map((t) => t.id).sort()).toEqual([b.id, c.id].sort());
    const audit = await auditOf(tag.id, 'admin.tag_parents');
    expect(audit[0]?.details).toEqual({ before: [a.id], after: [b.id, c.id] });
    const root = await call<TagDetail>(admin, 'PUT', `/tags/${tag.id}/parents`, { parentIds: [] });
    expect(root.body.parents).toEqual([]);
  });

  it('answers 409 to a cycle and leaves the parents as they were', async () => {
    const top = await create('top');
    const middle = await create('middle', { parentIds: [top.id] });
    const bottom = await create('bottom', { parentIds: [middle.id] });
    const cycle = await call<ErrorResponse>(admin, 'PUT', `/tags/${top.id}/parents`, {
      parentIds: [bottom.id],
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.code).toBe('conflict');
    expect(cycle.body.error.message).toMatch(/cycle/);
    expect(cycle.body.error.message).toContain(bottom.name);
    expect((await call<TagDetail>(null, 'GET', `/tags/${top.id}`)).body.parents).toEqual([]);
    const self = await call<ErrorResponse>(admin, 'PUT', `/tags/${middle.id}/parents`, {
      parentIds: [middle.id],
    });
    expect(self.status).toBe(409);
    expect((await call<TagDetail>(null, 'GET', `/tags/${middle.id}`)).body.parents.map((t) => t.id)).toEqual([
      top.id,
    ]);
    expect(await auditOf(top.id, 'admin.tag_parents')).toHaveLength(0);
  });

  it('answers 400 for unknown parents and 404 for an unknown tag', async () => {
    const tag = await create('lonely');
    const unknown = await call(admin, 'PUT', `/tags/${tag.id}/parents`, { parentIds: [randomUUID()] });
    expect(unknown.status).toBe(400);
    expect((await call(admin, 'PUT', `/tags/${randomUUID()}/parents`, { parentIds: [] })).status).toBe(404);
  });
});
