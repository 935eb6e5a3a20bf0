// Search history against the real stack: recorded searches grouped by query with count and last use,
// recent distinct searches, forgetting one query or all, the 1 000-row cap kept by the database, and
// another user can neither read nor delete someone else's history.
import type { FastifyInstance } from 'fastify';
import type { RecentSearches, SearchHistoryEntry, SearchHistoryPage } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session } from './auth-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
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

const record = async (session: Session, query: string) =>
  expectStatus(await call<SearchHistoryEntry>(session, 'POST', '/search-history', { query }), 201);
const history = async (session: Session, query = '') =>
  expectStatus(await call<SearchHistoryPage>(session, 'GET', `/search-history${query}`), 200);

describe('POST /search-history', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'POST', '/search-history', { query: 'cats' })).status).toBe(401);
  });

  it("refuses another user: a search lands only in the caller's history", async () => {
    const user = await signUp(app);
    await record(user, 'only mine');
    const smuggled = await call(user, 'POST', '/search-history', { query: 'x', userId: bob.user.id });
    expect(smuggled.status).toBe(400);
    expect((await history(bob)).items.map((e) => e.query)).not.toContain('only mine');
  });

  it('counts repeated searches of the same (trimmed) query', async () => {
    const user = await signUp(app);
    await record(user, 'tag:landscape sunset');
    const again = await record(user, '  tag:landscape sunset ');
    expect(again).toMatchObject({ query: 'tag:landscape sunset', count: 2 });
    expect((await call(user, 'POST', '/search-history', { query: '   ' })).status).toBe(400);
    expect((await call(user, 'POST', '/search-history', { query: 'x'.repeat(501) })).status).toBe(400);
  });
});

describe('GET /search-history and /search-history/recent', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/search-history')).status).toBe(401);
    expect((await call(null, 'GET', '/search-history/recent')).status).toBe(401);
  });

  it("refuses another user: someone else's searches never appear", async () => {
    await record(alice, 'alice secret search');
    const recent = await call<RecentSearches>(bob, 'GET', '/search-history/recent?limit=50');
    expect(recent.body.items.map((e) => e.query)).not.toContain('alice secret search');
  });

  it('groups by query, most recently used first, and pages with an exact total', async () => {
    const user = await signUp(app);
    for (const query of ['cats', 'dogs', 'cats', 'birds', 'dogs', 'dogs']) await record(user, query);
    const all = await history(user);
    expect(all.items.map((e) => [e.query, e.count])).toEqual([
      ['dogs', 3],
      ['birds', 1],
      ['cats', 2],
    ]);
    expect(all.pagination).toMatchObject({ totalCount: 3, hasNext: false });
    const second = await history(user, '?pageSize=2&page=2');
    expect(second.items.map((e) => e.query)).toEqual(['cats']);
    const recent = await call<RecentSearches>(user, 'GET', '/search-history/recent?limit=2');
    expect(recent.body.items.map((e) => e.query)).toEqual(['dogs', 'birds']);
  });

  it('filters recent searches by a literal prefix, ignoring case', async () => {
    const user = await signUp(app);
    for (const query of ['Sunset beach', 'sun%set', 'moon']) await record(user, query);
    const starting = async (prefix: string) =>
      (
        await call<RecentSearches>(user, 'GET', `/search-history/recent?prefix=${encodeURIComponent(prefix)}`)
      ).body.items.map((e) => e.query);
    expect(new Set(await starting('SUN'))).toEqual(new Set(['Sunset beach', 'sun%set']));
    expect(await starting('sun%')).toEqual(['sun%set']);
  });
});

describe('DELETE /search-history', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'DELETE', '/search-history?query=cats')).status).toBe(401);
    expect((await call(null, 'DELETE', '/search-history/all')).status).toBe(401);
  });

  it("refuses another user: deleting affects only the caller's history", async () => {
    const [user, other] = [await signUp(app), await signUp(app)];
    await record(user, 'shared words');
    await record(other, 'shared words');
    expect((await call(other, 'DELETE', '/search-history?query=shared%20words')).status).toBe(204);
    expect((await call(other, 'DELETE', '/search-history/all')).status).toBe(204);
    expect((await history(user)).items.map((e) => e.query)).toEqual(['shared words']);
    expect((await history(other)).items).toEqual([]);
  });

  it('forgets one query, then everything', async () => {
    const user = await signUp(app);
    for (const query of ['a', 'b', 'a']) await record(user, query);
    expect((await call(user, 'DELETE', '/search-history?query=a')).status).toBe(204);
    expect((await history(user)).items.map((e) => e.query)).toEqual(['b']);
    expect((await call(user, 'DELETE', '/search-history')).status).toBe(400);
    expect((await call(user, 'DELETE', '/search-history/all')).status).toBe(204);
    expect((await history(user)).items).toEqual([]);
  });
});

describe('the 1 000-search cap', () => {
  it('keeps only the newest 1 000 searches of a user, whoever writes them', async () => {
    const user = await signUp(app);
    const start = Date.now() - 2_000_000;
    await app.db
      .insertInto('user_search_history')
      .values(
        Array.from({ length: 1_000 }, (_, i) => ({
          user_id: user.user.id,
          query: `old ${i}`,
          created_at: new Date(start + i * 1_000),
        })),
      )
      .execute();
    await record(user, 'newest');
    const rows = await app.db
      .selectFrom('user_search_history')
      .select('query')
      .where('user_id', '=', user.user.id)
      .execute();
    expect(rows).toHaveLength(1_000);
    expect(rows.map((r) => r.query)).not.toContain('old 0');
    expect(rows.map((r) => r.query)).toContain('newest');
  });
});
