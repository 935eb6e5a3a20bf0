// Images leave the server only by content id and size, only to those who may see the item, with an ETag
// and caching that fits the item's privacy.
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { ContentDetail, ErrorResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import { buildContentTestApp, testPng, uploadImage } from './content-helpers';
import { createContent } from './factories';

let app: FastifyInstance;
let close: () => Promise<void>;
let alice: Session;
let bob: Session;
let admin: Session;
let png: Buffer;
let publicItem: ContentDetail;
let privateItem: ContentDetail;

beforeAll(async () => {
  ({ app, close } = await buildContentTestApp());
  [alice, bob, admin] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
  png = await testPng(600, 300, 5);
  [publicItem, privateItem] = await Promise.all([
    uploadImage(app, alice, {}, png),
    uploadImage(app, alice, { isPrivate: 'true' }, png),
  ]);
});
afterAll(() => close());

const imageUrl = (id: number, size?: string) =>
  `/api/v1/content/${id}/image${size === undefined ? '' : `?size=${size}`}`;

describe('GET /content/:id/image', () => {
  it('serves the original with its type, length and a day of public caching', async () => {
    const response = await app.inject({ method: 'GET', url: imageUrl(publicItem.id) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-length']).toBe(String(png.length));
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.rawPayload.equals(png)).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: imageUrl(publicItem.id, 'original') })).rawPayload.equals(png),
    ).toBe(true);
  });

  it('serves WebP thumbnails of 256, 512 and 1024 px on the long side (never enlarged)', async () => {
    const expected = { small: [256, 128], medium: [512, 256], large: [600, 300] };
    for (const [size, [width, height]] of Object.entries(expected)) {
      const response = await app.inject({ method: 'GET', url: imageUrl(publicItem.id, size) });
      expect(response.statusCode, size).toBe(200);
      expect(response.headers['content-type']).toBe('image/webp');
      const meta = await sharp(response.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height], size).toEqual(['webp', width, height]);
    }
  });

  it('answers 304 when If-None-Match carries the ETag, and a different ETag per size', async () => {
    const url = imageUrl(publicItem.id, 'medium');
    const first = await app.inject({ method: 'GET', url });
    const etag = String(first.headers.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': ifNoneMatch } });
      expect(again.statusCode, ifNoneMatch).toBe(304);
      expect(again.headers.etag).toBe(etag);
      expect(again.rawPayload.length).toBe(0);
    }
    const stale = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"stale"' } });
    expect(stale.statusCode).toBe(200);
    const small = await app.inject({ method: 'GET', url: imageUrl(publicItem.id, 'small') });
    expect(small.headers.etag).not.toBe(etag);
  });

  it('answers 400 to an unknown size', async () => {
    for (const size of ['huge', '', '../../etc/passwd', 'ORIGINAL']) {
      const response = await app.inject({
        method: 'GET',
        url: imageUrl(publicItem.id, encodeURIComponent(size)),
      });
      expect(response.statusCode, size).toBe(400);
      expect(response.json<ErrorResponse>().error.details?.[0]?.field).toBe('query.size');
    }
  });

  it('answers 400 to a path-like or non-numeric id, never reading a path', async () => {
    for (const id of ['..%2F..%2Fetc', '..%2F..%2Fetc%2Fpasswd', 'abc', '1%2F..', '1e400', '%00']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/content/${id}/image` });
      expect(response.statusCode, id).toBe(400);
    }
    // Dot segments are resolved before routing, so they never reach the image route at all.
    const dots = await app.inject({ method: 'GET', url: '/api/v1/content/%2e%2e/image' });
    expect(dots.statusCode).toBe(404);
    expect(dots.json<ErrorResponse>().error.message).toMatch(/No route/);
  });

  it('shows a private image only to its owner and admins, kept out of shared caches', async () => {
    for (const size of [undefined, 'small']) {
      const url = imageUrl(privateItem.id, size);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
      expect((await app.inject(as(bob, { method: 'GET', url }))).statusCode).toBe(404);
      const owner = await app.inject(as(alice, { method: 'GET', url }));
      expect(owner.statusCode).toBe(200);
      expect(owner.headers['cache-control']).toBe('private, no-cache');
      expect((await app.inject(as(admin, { method: 'GET', url }))).statusCode).toBe(200);
    }
  });

  it('changes the ETag and caching when the item changes privacy', async () => {
    const item = await uploadImage(app, alice, {}, png);
    const url = imageUrl(item.id);
    const before = await app.inject({ method: 'GET', url });
    const patch = await app.inject(
      as(alice, { method: 'PATCH', url: `/api/v1/content/${item.id}`, payload: { isPrivate: true } }),
    );
    expect(patch.statusCode).toBe(200);
    const after = await app.inject(
      as(alice, { method: 'GET', url, headers: { 'if-none-match': String(before.headers.etag) } }),
    );
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.headers['cache-control']).toBe('private, no-cache');
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('answers 404 when the item has no image, the file is missing, or the item does not exist', async () => {
    const textOnly = await createContent(app.db, alice.user.id);
    expect((await app.inject({ method: 'GET', url: imageUrl(textOnly.id) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: imageUrl(textOnly.id, 'small') })).statusCode).toBe(404);

    const item = await uploadImage(app, alice, {}, png);
    const row = await app.db
      .selectFrom('content_items')
      .select('storage_key')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    await app.storage.delete(row.storage_key ?? '');
    const missing = await app.inject({ method: 'GET', url: imageUrl(item.id) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorResponse>().error.code).toBe('not_found');
    expect((await app.inject({ method: 'GET', url: imageUrl(item.id, 'large') })).statusCode).toBe(200);

    expect((await app.inject({ method: 'GET', url: imageUrl(2 ** 52) })).statusCode).toBe(404);
  });
});
