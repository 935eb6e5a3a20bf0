// Uploading, reading, editing and deleting content items through the API, against real PostgreSQL,
// Redis and a storage directory of the test's own.
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { ContentDetail, CreatedToken, ErrorResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { LocalStorage } from '../src/storage/local-storage';
import type { StorageBackend } from '../src/storage/storage';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import {
  buildContentTestApp,
  multipartBody,
  postContent,
  runCleanup,
  tempStorageDir,
  testPng,
  uploadImage,
} from './content-helpers';
import { createContent, createTag } from './factories';
import { testConfig } from './test-context';

let app: FastifyInstance;
let close: () => Promise<void>;
let alice: Session;
let bob: Session;
let admin: Session;
const UPLOAD_MAX_BYTES = 400_000;

beforeAll(async () => {
  ({ app, close } = await buildContentTestApp({ UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) }));
  [alice, bob, admin] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
});
afterAll(() => close());

const itemUrl = (id: number) => `/api/v1/content/${id}`;
const errorOf = (response: { json: <T>() => T }) => response.json<ErrorResponse>().error;
const fieldsOf = (response: { json: <T>() => T }) => (errorOf(response).details ?? []).map((d) => d.field);

async function storedKeys(id: number): Promise<string[]> {
  const row = await app.db
    .selectFrom('content_items')
    .select(['storage_key', 'thumbnails'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const thumbs = row.thumbnails as Record<string, { key: string }>;
  return [row.storage_key ?? '', ...Object.values(thumbs).map((t) => t.key)];
}

const itemsOf = (userId: string) =>
  app.db.selectFrom('content_items').select('id').where('creator_id', '=', userId).execute();

describe('POST /content', () => {
  it('requires authentication', async () => {
    const response = await postContent(app, null, { title: 'x' }, [{ data: await testPng() }]);
    expect(response.statusCode).toBe(401);
  });

  it('refuses another user: the item always belongs to the caller', async () => {
    const carol = await signUp(app);
    const response = await postContent(app, carol, { title: 'mine', creatorId: alice.user.id }, [
      { data: await testPng() },
    ]);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain('body.creatorId');
    expect(await itemsOf(alice.user.id)).toEqual([]);
    expect(await itemsOf(carol.user.id)).toEqual([]);
  });

  it('stores the image with WebP thumbnails and answers the created item', async () => {
    const tag = await createTag(app.db);
    const png = await testPng(640, 480, 2);
    const response = await postContent(
      app,
      alice,
      {
        title: 'Harbour at dawn',
        prompt: 'a harbour at dawn, oil painting',
        tags: ` ${tag.slug.toUpperCase()} ,`,
      },
      [{ data: png, filename: 'harbour.png' }],
    );
    expect(response.statusCode).toBe(201);
    const item = response.json<ContentDetail>();
    expect(item).toMatchObject({
      title: 'Harbour at dawn',
      prompt: 'a harbour at dawn, oil painting',
      source: 'regular',
      contentType: 'image',
      creator: { id: alice.user.id, username: alice.user.username },
      isPrivate: false,
      width: 640,
      height: 480,
      mimeType: 'image/png',
      fileSize: png.length,
      tags: [{ id: tag.id, slug: tag.slug, name: tag.name }],
      image: { url: `/api/v1/content/${item.id}/image`, width: 640, height: 480 },
      thumbnails: {
        small: { url: `/api/v1/content/${item.id}/image?size=small`, width: 256, height: 192 },
        medium: { width: 512, height: 384 },
        large: { width: 640, height: 480 },
      },
      viewer: { bookmarkId: null, rating: null },
      moderation: { status: 'clear' },
    });
    const keys = await storedKeys(item.id);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(await app.storage.exists(key), key).toBe(true);

    const small = await app.inject({ method: 'GET', url: item.thumbnails.small?.url ?? '' });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-type']).toBe('image/webp');
    expect((await sharp(small.rawPayload).metadata()).format).toBe('webp');
    const original = await app.inject({ method: 'GET', url: item.image?.url ?? '' });
    expect(original.rawPayload.equals(png)).toBe(true);
  });

  it('makes a private item when asked, with an empty prompt by default', async () => {
    const item = await uploadImage(app, alice, { isPrivate: 'true' });
    expect(item).toMatchObject({ isPrivate: true, prompt: '', tags: [] });
    expect((await app.inject({ method: 'GET', url: itemUrl(item.id) })).statusCode).toBe(404);
  });

  it('answers 413 past the upload limit and keeps nothing', async () => {
    const dave = await signUp(app);
    const response = await postContent(app, dave, { title: 'too big' }, [
      { data: Buffer.alloc(UPLOAD_MAX_BYTES + 1, 7) },
    ]);
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('payload_too_large');
    expect(await itemsOf(dave.user.id)).toEqual([]);
  });

  it('refuses bytes that are not an image, naming body.file, and keeps nothing', async () => {
    const dave = await signUp(app);
    for (const data of [Buffer.from('<html>not an image</html>'), (await testPng()).subarray(0, 200)]) {
      const response = await postContent(app, dave, { title: 'fake' }, [{ data, type: 'image/png' }]);
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['body.file']);
    }
    expect(await itemsOf(dave.user.id)).toEqual([]);
  });

  it('refuses unknown tags, naming them, and keeps nothing', async () => {
    const dave = await signUp(app);
    const known = await createTag(app.db);
    const response = await postContent(
      app,
      dave,
      { title: 't', tags: `${known.slug},no-such-tag,nor-this` },
      [{ data: await testPng() }],
    );
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'body.tags', message: expect.stringMatching(/no-such-tag, nor-this/) }],
    });
    expect(await itemsOf(dave.user.id)).toEqual([]);
  });

  it('lists every bad field at once', async () => {
    const response = await postContent(app, alice, { isPrivate: 'perhaps', prompt: 'p'.repeat(20_001) }, []);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response).sort()).toEqual(['body.file', 'body.isPrivate', 'body.prompt', 'body.title']);
  });

  it('takes exactly one image, in the file field', async () => {
    const png = await testPng();
    const two = await postContent(app, alice, { title: 'two' }, [{ data: png }, { data: png }]);
    expect(two.statusCode).toBe(400);
    expect(fieldsOf(two)).toEqual(['body.file']);
    const elsewhere = await postContent(app, alice, { title: 'x' }, [{ data: png, field: 'image' }]);
    expect(elsewhere.statusCode).toBe(400);
    expect(fieldsOf(elsewhere).sort()).toEqual(['body.file', 'body.image']);
    const asText = await postContent(app, alice, { title: 'x', file: 'hello' }, []);
    expect(asText.statusCode).toBe(400);
    expect(fieldsOf(asText)).toEqual(['body.file']);
  });

  it('answers 415 to a JSON body', async () => {
    const response = await app.inject(
      as(alice, { method: 'POST', url: '/api/v1/content', payload: { title: 'json' } }),
    );
    expect(response.statusCode).toBe(415);
  });

  it('answers 400 naming body to a form that is not well-formed, and keeps nothing', async () => {
    const dave = await signUp(app);
    const form = await multipartBody({ title: 'broken' }, [{ data: await testPng() }]);
    const type = form.headers['content-type'] ?? '';
    for (const [payload, contentType] of [
      [form.payload, type.replace(/boundary=.*/, 'boundary=notTheOneSent')],
      [form.payload.subarray(0, Math.floor(form.payload.length / 2)), type],
      [form.payload, 'multipart/form-data'],
    ] as const) {
      const response = await app.inject(
        as(dave, {
          method: 'POST',
          url: '/api/v1/content',
          payload,
          headers: { 'content-type': contentType },
        }),
      );
      expect(response.statusCode, contentType).toBe(400);
      expect(errorOf(response).details?.[0]?.field, contentType).toBe('body');
    }
    expect(await itemsOf(dave.user.id)).toEqual([]);
  });

  it('leaves neither a row nor files behind when storing fails half-way', async () => {
    const dir = await tempStorageDir();
    const local = new LocalStorage(dir.dir);
    let puts = 0;
    const flaky: StorageBackend = {
      put: async (key, data, type) => {
        puts += 1;
        if (puts === 3) throw new Error('disk full');
        await local.put(key, data, type);
      },
      get: (key) => local.get(key),
      stream: (key) => local.stream(key),
      delete: (key) => local.delete(key),
      exists: (key) => local.exists(key),
    };
    const broken = await buildApp({ config: testConfig(), logger: false, redis: app.redis, storage: flaky });
    try {
      const erin = await signUp(broken);
      const response = await postContent(broken, erin, { title: 'half' }, [{ data: await testPng() }]);
      expect(response.statusCode).toBe(500);
      expect(errorOf(response).message).not.toMatch(/disk full/);
      expect(await itemsOf(erin.user.id)).toEqual([]);
      expect(puts).toBeGreaterThanOrEqual(3);
      const files = await readdir(dir.dir, { recursive: true, withFileTypes: true });
      expect(files.filter((f) => f.isFile())).toEqual([]);
    } finally {
      await broken.close();
      await dir.remove();
    }
  });
});

describe('GET /content/:id', () => {
  let publicItem: ContentDetail;
  let privateItem: ContentDetail;
  beforeAll(async () => {
    [publicItem, privateItem] = await Promise.all([
      uploadImage(app, alice, { title: 'public one' }),
      uploadImage(app, alice, { title: 'private one', isPrivate: 'true' }),
    ]);
  });

  it('shows a public item to anyone, without moderation or viewer state for anonymous callers', async () => {
    const response = await app.inject({ method: 'GET', url: itemUrl(publicItem.id) });
    expect(response.statusCode).toBe(200);
    const body = response.json<ContentDetail>();
    expect(body).toMatchObject({ id: publicItem.id, title: 'public one' });
    expect(body).not.toHaveProperty('moderation');
    expect(body).not.toHaveProperty('viewer');
  });

  it('gives a signed-in viewer their state, and moderation only to the owner and admins', async () => {
    const asBob = (
      await app.inject(as(bob, { method: 'GET', url: itemUrl(publicItem.id) }))
    ).json<ContentDetail>();
    expect(asBob.viewer).toEqual({ bookmarkId: null, rating: null });
    expect(asBob).not.toHaveProperty('moderation');
    const asAdmin = (
      await app.inject(as(admin, { method: 'GET', url: itemUrl(publicItem.id) }))
    ).json<ContentDetail>();
    expect(asAdmin.moderation).toEqual({ status: 'clear', riskScore: 0 });
  });

  it('hides a private item from anonymous callers and other users (404) but not its owner or admins', async () => {
    const url = itemUrl(privateItem.id);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await app.inject(as(bob, { method: 'GET', url }))).statusCode).toBe(404);
    expect((await app.inject(as(alice, { method: 'GET', url }))).statusCode).toBe(200);
    expect((await app.inject(as(admin, { method: 'GET', url }))).statusCode).toBe(200);
  });

  it('answers 400 to an id that is not a positive integer and 404 to one that does not exist', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '..%2F..%2Fetc']) {
      expect((await app.inject({ method: 'GET', url: `/api/v1/content/${id}` })).statusCode, id).toBe(400);
    }
    expect((await app.inject({ method: 'GET', url: itemUrl(2 ** 52) })).statusCode).toBe(404);
  });
});

describe('PATCH /content/:id', () => {
  it('requires authentication', async () => {
    const item = await createContent(app.db, alice.user.id);
    const response = await app.inject({ method: 'PATCH', url: itemUrl(item.id), payload: { title: 'x' } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses another user: 403 on a public item, 404 on a private one, and changes nothing', async () => {
    const open = await createContent(app.db, alice.user.id, { title: 'open' });
    const hidden = await createContent(app.db, alice.user.id, { title: 'hidden', is_private: true });
    const publicTry = await app.inject(
      as(bob, { method: 'PATCH', url: itemUrl(open.id), payload: { title: 'taken', isPrivate: true } }),
    );
    expect(publicTry.statusCode).toBe(403);
    const privateTry = await app.inject(
      as(bob, { method: 'PATCH', url: itemUrl(hidden.id), payload: { title: 'taken' } }),
    );
    expect(privateTry.statusCode).toBe(404);
    const rows = await app.db
      .selectFrom('content_items')
      .select(['title', 'is_private'])
      .where('id', 'in', [open.id, hidden.id])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { title: 'open', is_private: false },
      { title: 'hidden', is_private: true },
    ]);
  });

  it('lets the owner change the title, privacy and tag set', async () => {
    const [a, b, c] = await Promise.all([createTag(app.db), createTag(app.db), createTag(app.db)]);
    const item = await uploadImage(app, alice, { tags: `${a.slug},${b.slug}` });
    const response = await app.inject(
      as(alice, {
        method: 'PATCH',
        url: itemUrl(item.id),
        payload: { title: 'Renamed', isPrivate: true, tags: [b.slug, c.slug] },
      }),
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<ContentDetail>();
    expect(body).toMatchObject({ title: 'Renamed', isPrivate: true, prompt: item.prompt });
    expect(body.tags.map((t) => t.slug).sort()).toEqual([b.slug, c.slug].sort());
    expect(new Date(body.updatedAt).getTime()).toBeGreaterThan(new Date(item.updatedAt).getTime());
    const cleared = await app.inject(
      as(alice, { method: 'PATCH', url: itemUrl(item.id), payload: { tags: [] } }),
    );
    expect(cleared.json<ContentDetail>().tags).toEqual([]);
  });

  it('refuses to change the prompt (400 naming body.prompt)', async () => {
    const item = await createContent(app.db, alice.user.id, { prompt: 'original prompt' });
    const response = await app.inject(
      as(alice, { method: 'PATCH', url: itemUrl(item.id), payload: { prompt: 'new prompt', title: 'ok' } }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual([
      { field: 'body.prompt', message: expect.stringMatching(/immutable/) },
    ]);
    const row = await app.db
      .selectFrom('content_items')
      .select(['prompt', 'title'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ prompt: 'original prompt', title: item.title });
  });

  it('refuses unknown tags and keeps the old set', async () => {
    const tag = await createTag(app.db);
    const item = await uploadImage(app, alice, { tags: tag.slug });
    const response = await app.inject(
      as(alice, { method: 'PATCH', url: itemUrl(item.id), payload: { tags: [tag.slug, 'missing-tag-x'] } }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.[0]).toMatchObject({
      field: 'body.tags',
      message: expect.stringMatching(/missing-tag-x/),
    });
    const after = (
      await app.inject(as(alice, { method: 'GET', url: itemUrl(item.id) }))
    ).json<ContentDetail>();
    expect(after.tags.map((t) => t.slug)).toEqual([tag.slug]);
  });

  it('refuses an empty or unknown change', async () => {
    const item = await createContent(app.db, alice.user.id);
    for (const payload of [{}, { creatorId: bob.user.id }, { title: '' }]) {
      const response = await app.inject(as(alice, { method: 'PATCH', url: itemUrl(item.id), payload }));
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lets an admin edit any item, and audits it', async () => {
    const item = await createContent(app.db, alice.user.id, { is_private: true });
    const response = await app.inject(
      as(admin, { method: 'PATCH', url: itemUrl(item.id), payload: { isPrivate: false } }),
    );
    expect(response.statusCode).toBe(200);
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('target_type', '=', 'content')
      .where('target_id', '=', String(item.id))
      .execute();
    expect(audit).toEqual([{ actor_id: admin.user.id, action: 'admin.content_update' }]);
  });
});

describe('DELETE /content/:id', () => {
  it('requires authentication', async () => {
    const item = await createContent(app.db, alice.user.id);
    expect((await app.inject({ method: 'DELETE', url: itemUrl(item.id) })).statusCode).toBe(401);
  });

  it('refuses another user and leaves the item and its files intact', async () => {
    const open = await uploadImage(app, alice);
    const hidden = await uploadImage(app, alice, { isPrivate: 'true' });
    expect((await app.inject(as(bob, { method: 'DELETE', url: itemUrl(open.id) }))).statusCode).toBe(403);
    expect((await app.inject(as(bob, { method: 'DELETE', url: itemUrl(hidden.id) }))).statusCode).toBe(404);
    for (const item of [open, hidden]) {
      expect((await app.inject(as(alice, { method: 'GET', url: itemUrl(item.id) }))).statusCode).toBe(200);
      for (const key of await storedKeys(item.id)) expect(await app.storage.exists(key)).toBe(true);
    }
  });

  it('lets the owner delete: the row goes at once, the files with the cleanup job it queues', async () => {
    const item = await uploadImage(app, alice);
    const keys = await storedKeys(item.id);
    const queue = app.queues.get('maintenance');
    const before = await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized');

    const response = await app.inject(as(alice, { method: 'DELETE', url: itemUrl(item.id) }));
    expect(response.statusCode).toBe(204);
    expect((await app.inject(as(alice, { method: 'GET', url: itemUrl(item.id) }))).statusCode).toBe(404);
    expect(await app.db.selectFrom('content_items').select('id').where('id', '=', item.id).execute()).toEqual(
      [],
    );
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized')).toBe(before + 1);
    const queued = await app.db
      .selectFrom('storage_deletions')
      .select('storage_key')
      .where('storage_key', 'in', keys)
      .execute();
    expect(queued.map((r) => r.storage_key).sort()).toEqual([...keys].sort());

    await new Promise((resolve) => setTimeout(resolve, 5));
    await runCleanup(app);
    for (const key of keys) expect(await app.storage.exists(key), key).toBe(false);
    expect((await app.inject(as(alice, { method: 'DELETE', url: itemUrl(item.id) }))).statusCode).toBe(404);
  });

  it('lets an admin delete any item, and audits it', async () => {
    const item = await createContent(app.db, alice.user.id, { is_private: true });
    expect((await app.inject(as(admin, { method: 'DELETE', url: itemUrl(item.id) }))).statusCode).toBe(204);
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'details'])
      .where('target_type', '=', 'content')
      .where('target_id', '=', String(item.id))
      .execute();
    expect(audit).toEqual([
      {
        actor_id: admin.user.id,
        action: 'admin.content_delete',
        details: { creatorId: alice.user.id, title: item.title },
      },
    ]);
  });

  it('still deletes when the job queue is down (the daily cleanup catches up)', async () => {
    const item = await createContent(app.db, alice.user.id);
    const created = await app.inject(
      as(alice, {
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { name: `t-${randomUUID().slice(0, 6)}` },
      }),
    );
    const { token } = created.json<CreatedToken>();
    const offline = await buildApp({
      config: testConfig({ REDIS_URL: 'redis://127.0.0.1:9' }),
      logger: false,
    });
    try {
      // A request that waited for Redis forever would end this test at its timeout; no clock needed.
      const response = await offline.inject({
        method: 'DELETE',
        url: itemUrl(item.id),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(204);
      expect(
        await app.db.selectFrom('content_items').select('id').where('id', '=', item.id).execute(),
      ).toEqual([]);
    } finally {
      await offline.close();
    }
  });
});
