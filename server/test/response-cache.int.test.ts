// The response cache of SPEC §12 over the real stack: anonymous first pages are served from the cache,
// every committed write that changes them (by any writer, here plain SQL) makes the next answer fresh,
// and nothing viewer-specific is ever shared. Other test files write to the same database at the same
// time, which also moves the versions: assertions on hits retry until two answers in a row meet.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { GalleryPage, TagHierarchy } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CacheVersions } from '../src/lib/cache-versions';
import { cacheKeyOf } from '../src/plugins/response-cache';
import { as, signUp, type Session } from './auth-helpers';
import { createContent, createTag } from './factories';
import { buildTestApp, testConfig } from './test-context';

let app: FastifyInstance;
let owner: Session;
const WAIT = { timeout: 20_000, interval: 50 };

beforeAll(async () => {
  app = await buildTestApp({ RESPONSE_CACHE_SECONDS: '60' });
  owner = await signUp(app);
});
afterAll(() => app.close());

const get = (url: string, session: Session | null = null, headers: Record<string, string> = {}) =>
  app.inject(as(session, { method: 'GET', url, headers }));

/**
 * Asks twice until the second answer is a hit equal to the first (another file's write can intervene)
 * and, for a gallery page, shows the item `showing`: the cache learns of a commit from its notification,
 * a moment after the commit itself, so an entry from before it can still answer right after it.
 */
async function cachedPair(url: string, showing?: number) {
  return vi.waitFor(async () => {
    const first = await get(url);
    const second = await get(url);
    expect(first.statusCode).toBe(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    if (showing !== undefined) {
      expect(second.json<GalleryPage>().items.map((item) => item.id)).toContain(showing);
    }
    return second;
  }, WAIT);
}

describe('anonymous gallery pages', () => {
  const url = () => `/api/v1/content?creatorId=${owner.user.id}&pageSize=10`;

  it('are served from the cache on the second request, with the same body and content type', async () => {
    const created = await createContent(app.db, owner.user.id);
    const hit = await cachedPair(url(), created.id);
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.json<GalleryPage>().items).toHaveLength(1);
  });

  it('are sent compressed to clients that accept it (brotli once hot), and plain to the others', async () => {
    const created = await createContent(app.db, owner.user.id);
    const plain = await cachedPair(url(), created.id);
    expect(plain.headers['vary']).toBe('accept-encoding');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The entry is gzipped once, in the background, after it is stored.
    const zipped = await vi.waitFor(async () => {
      const response = await get(url(), null, { 'accept-encoding': 'gzip, deflate, br' });
      expect(response.headers['x-cache']).toBe('hit');
      expect(response.headers['content-encoding']).toMatch(/^(gzip|br)$/);
      return response;
    }, WAIT);
    expect(zipped.headers['vary']).toBe('accept-encoding');
    const gzipped = await get(url(), null, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    // Brotli comes once the entry has been asked for often enough (each ask here is one more hit).
    const brotli = await vi.waitFor(async () => {
      const response = await get(url(), null, { 'accept-encoding': 'gzip, deflate, br' });
      expect(response.headers['content-encoding']).toBe('br');
      return response;
    }, WAIT);
    expect(brotliDecompressSync(brotli.rawPayload).toString('utf8')).toBe(plain.body);
    expect(brotli.headers['vary']).toBe('accept-encoding');
    const preferred = await get(url(), null, { 'accept-encoding': 'br;q=0.5, gzip' });
    expect(preferred.headers['content-encoding']).toBe('gzip');
    const refused = await get(url(), null, { 'accept-encoding': 'gzip;q=0, br;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('show a new item once its insert commits', async () => {
    await cachedPair(url());
    const created = await createContent(app.db, owner.user.id, { title: 'Fresh after the cache' });
    await vi.waitFor(async () => {
      const ids = (await get(url())).json<GalleryPage>().items.map((item) => item.id);
      expect(ids).toContain(created.id);
    }, WAIT);
  });

  it('drop an item made private and show a changed title', async () => {
    const item = await createContent(app.db, owner.user.id, { title: 'Soon private' });
    await vi.waitFor(async () => {
      expect((await get(url())).json<GalleryPage>().items.map((i) => i.id)).toContain(item.id);
    }, WAIT);
    await cachedPair(url());
    await app.db.updateTable('content_items').set({ is_private: true }).where('id', '=', item.id).execute();
    await vi.waitFor(async () => {
      expect((await get(url())).json<GalleryPage>().items.map((i) => i.id)).not.toContain(item.id);
    }, WAIT);
  });

  it('are never shared with signed-in callers, whose answers carry their own state', async () => {
    await cachedPair(url());
    const mine = await get(url(), owner);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['x-cache']).toBeUndefined();
    expect(mine.json<GalleryPage>().items[0]).toHaveProperty('viewer');
  });

  it('are fetched fresh with Cache-Control: no-cache', async () => {
    await cachedPair(url());
    const fresh = await get(url(), null, { 'cache-control': 'no-cache' });
    expect(fresh.headers['x-cache']).toBe('bypass');
  });

  it('are cached for the first page only, not for cursor or later pages', async () => {
    await createContent(app.db, owner.user.id);
    const later = `/api/v1/content?creatorId=${owner.user.id}&pageSize=1&page=2`;
    expect((await get(later)).headers['x-cache']).toBeUndefined();
    const first = (await get(`/api/v1/content?creatorId=${owner.user.id}&pageSize=1`)).json<GalleryPage>();
    const cursor = first.pagination.nextCursor;
    expect(cursor).not.toBeNull();
    const next = await get(`/api/v1/content?creatorId=${owner.user.id}&pageSize=1&cursor=${cursor}`);
    expect(next.statusCode).toBe(200);
    expect(next.headers['x-cache']).toBeUndefined();
    // `page=1` spelled out is the first page too (the hit is found before the query is validated).
    await cachedPair(`/api/v1/content?creatorId=${owner.user.id}&pageSize=1&page=1`);
  });

  it('answer a hit only when the caller may have it: an invalid token is refused, not served', async () => {
    await cachedPair(url());
    const forged = await get(url(), null, { authorization: 'Bearer gnt_not_a_real_token' });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['x-cache']).toBeUndefined();
  });

  it('keep errors out of the cache', async () => {
    const bad = '/api/v1/content?sort=sideways';
    expect((await get(bad)).statusCode).toBe(400);
    const again = await get(bad);
    expect(again.statusCode).toBe(400);
    expect(again.headers['x-cache']).not.toBe('hit');
  });
});

describe('the tag hierarchy', () => {
  it('is shared by everyone and follows a renamed tag', async () => {
    const tag = await createTag(app.db, { name: 'Before rename' });
    const url = '/api/v1/tags/hierarchy';
    await vi.waitFor(async () => {
      const hierarchy = (await get(url)).json<TagHierarchy>();
      expect(hierarchy.nodes.find((n) => n.id === tag.id)?.name).toBe('Before rename');
    }, WAIT);
    await cachedPair(url);
    await vi.waitFor(async () => expect((await get(url, owner)).headers['x-cache']).toBe('hit'), WAIT);
    await app.db.updateTable('tags').set({ name: 'After rename' }).where('id', '=', tag.id).execute();
    await vi.waitFor(async () => {
      const hierarchy = (await get(url, owner)).json<TagHierarchy>();
      expect(hierarchy.nodes.find((n) => n.id === tag.id)?.name).toBe('After rename');
    }, WAIT);
  });
});

describe('cache versions', () => {
  it('agree between processes after a write, so they share entries', async () => {
    const config = testConfig();
    const a = new CacheVersions({ databaseUrl: config.databaseUrl ?? '' });
    const b = new CacheVersions({ databaseUrl: config.databaseUrl ?? '' });
    await Promise.all([a.start(), b.start()]);
    try {
      expect(a.current('content')).toBeDefined();
      await createContent(app.db, owner.user.id);
      await vi.waitFor(() => {
        expect(a.current('content')).not.toMatch(/^fresh/);
        expect(a.current('content')).toBe(b.current('content'));
      }, WAIT);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('turn caching off while the database cannot be listened to', async () => {
    const versions = new CacheVersions({
      databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
      maxBackoffMs: 50,
    });
    await versions.start();
    expect(versions.current('content')).toBeUndefined();
    await versions.close();
  });

  it('key entries by path and sorted query', () => {
    expect(cacheKeyOf('/api/v1/content?b=2&a=1')).toBe(cacheKeyOf('/api/v1/content?a=1&b=2'));
    expect(cacheKeyOf('/api/v1/content?')).toBe('/api/v1/content');
    expect(cacheKeyOf('/api/v1/content?q=a%20b')).not.toBe(cacheKeyOf('/api/v1/content?q=a'));
  });
});
