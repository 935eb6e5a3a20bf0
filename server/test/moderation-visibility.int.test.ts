// Moderation on creation and what it hides: uploads, title edits and generated items are checked in the
// same transaction as their write; an item above the hide threshold is invisible to other users on every
// read path (gallery, item, image, similar items, tag counts and statistics, shared bookmark
// categories) until an admin approves it, while its creator and admins still see it.
import type { FastifyInstance } from 'fastify';
import type {
  BookmarkCategory,
  ContentDetail,
  ContentList,
  GalleryPage,
  SharedCategory,
  TagDetail,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import { uploadImage } from './content-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
import { createContent, createJob, createTag } from './factories';
import { ensureTestFlagWords, MILD, RISKY } from './moderation-helpers';
import { buildTestApp } from './test-context';
import { completeJob, findJob } from '../src/modules/generation/generation.repository';
import { refreshTagCardinalityStats } from '../src/modules/stats/stats.repository';

let app: FastifyInstance;
let admin: Session;
let alice: Session;
let bob: Session;
const call = apiCaller(() => app);

beforeAll(async () => {
  app = await buildTestApp();
  [admin, alice, bob] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
  await ensureTestFlagWords(app);
});
afterAll(() => app.close());

const flagOf = (contentId: number) =>
  app.db.selectFrom('flagged_content').selectAll().where('content_id', '=', contentId).executeTakeFirst();

const approve = async (contentId: number) => {
  const flag = await flagOf(contentId);
  expectStatus(
    await call(admin, 'POST', `/admin/flagged-content/${flag?.id}/review`, { decision: 'approve' }),
    200,
  );
};

const imageStatus = async (session: Session | null, id: number) =>
  (await app.inject(as(session, { method: 'GET', url: `/api/v1/content/${id}/image?size=small` })))
    .statusCode;

describe('checks on creation', () => {
  it('flags a risky upload and hides it, its image included, from everyone but its creator and admins', async () => {
    const item = await uploadImage(app, bob, RISKY);
    expect(await flagOf(item.id)).toMatchObject({ status: 'pending', risk_score: 85, problem_words: 5 });
    expect(item.moderation).toEqual({ status: 'pending', riskScore: 85 });
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(404);
    expect((await call(null, 'GET', `/content/${item.id}`)).status).toBe(404);
    expect((await call(bob, 'GET', `/content/${item.id}`)).status).toBe(200);
    expect((await call(admin, 'GET', `/content/${item.id}`)).status).toBe(200);
    expect(await imageStatus(alice, item.id)).toBe(404);
    expect(await imageStatus(null, item.id)).toBe(404);
    expect(await imageStatus(bob, item.id)).toBe(200);

    await approve(item.id);
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(200);
    expect(await imageStatus(null, item.id)).toBe(200);
    const own = await call<ContentDetail>(bob, 'GET', `/content/${item.id}`);
    expect(own.body.moderation).toEqual({ status: 'approved', riskScore: 85 });
  });

  it('flags a mild upload but keeps it visible, and leaves a clean one alone', async () => {
    const mild = await uploadImage(app, bob, MILD);
    expect(await flagOf(mild.id)).toMatchObject({ status: 'pending', risk_score: 19 });
    expect((await call(alice, 'GET', `/content/${mild.id}`)).status).toBe(200);
    const clean = await uploadImage(app, bob, { title: 'A classy quexelogy lecture', prompt: 'snarklers' });
    expect(await flagOf(clean.id)).toBeUndefined();
  });

  it('rechecks a changed title: new words flag it, an approval stands only for the text it was given on', async () => {
    const item = await uploadImage(app, bob, { title: 'Harbour at dusk', prompt: 'boats' });
    const risky = await call<ContentDetail>(bob, 'PATCH', `/content/${item.id}`, {
      title: 'zorblax grimwort snarkle blorptide quexel',
    });
    expect(expectStatus(risky, 200).moderation).toMatchObject({ status: 'pending' });
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(404);
    await approve(item.id);
    // Privacy and tag edits do not touch the decision.
    expectStatus(await call(bob, 'PATCH', `/content/${item.id}`, { isPrivate: false }), 200);
    expect((await flagOf(item.id))?.status).toBe('approved');
    // A new title is new text: pending again.
    expectStatus(
      await call(bob, 'PATCH', `/content/${item.id}`, {
        title: 'zorblax grimwort snarkle blorptide quexels',
      }),
      200,
    );
    expect((await flagOf(item.id))?.status).toBe('pending');
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(404);
    // A clean title drops the pending flag.
    const cleaned = await call<ContentDetail>(bob, 'PATCH', `/content/${item.id}`, {
      title: 'Harbour at night',
    });
    expect(cleaned.body.moderation).toEqual({ status: 'clear', riskScore: 0 });
    expect(await flagOf(item.id)).toBeUndefined();
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(200);
  });

  it('checks the items a generation job completes with, in the completing transaction', async () => {
    const job = await createJob(app.db, bob.user.id, { ...RISKY, status: 'running', started_at: new Date() });
    const row = await findJob(app.db, job.id);
    if (!row) throw new Error('job missing');
    const ids = await completeJob(
      app.db,
      row,
      [
        {
          outputIndex: 0,
          storageKey: `jobs/${job.id}/0.png`,
          mimeType: 'image/png',
          fileSize: 1,
          width: 8,
          height: 8,
          thumbnails: {},
          seed: 1,
        },
      ],
      [],
    );
    const [id] = ids ?? [];
    expect(await flagOf(id ?? 0)).toMatchObject({ status: 'pending', risk_score: 85 });
    expect((await call(alice, 'GET', `/content/${id}`)).status).toBe(404);
  });
});

describe('hidden items on list paths, as another user', () => {
  let hidden: number;
  let visible: number;
  let tagSlug: string;

  beforeAll(async () => {
    const tag = await createTag(app.db);
    tagSlug = tag.slug;
    const tagged = async (text: { title: string; prompt: string }) => {
      const item = await uploadImage(app, bob, { ...text, tags: tag.slug });
      return item.id;
    };
    visible = await tagged({ title: 'A plain lighthouse', prompt: 'lighthouse' });
    hidden = await tagged(RISKY);
  });

  it('the gallery shows the item to its creator only', async () => {
    const gallery = async (session: Session | null) =>
      expectStatus(
        await call<GalleryPage>(session, 'GET', `/content?creatorId=${bob.user.id}&pageSize=100`),
        200,
      ).items.map((i) => i.id);
    expect(await gallery(bob)).toContain(hidden);
    expect(await gallery(alice)).not.toContain(hidden);
    expect(await gallery(alice)).toContain(visible);
    expect(await gallery(null)).not.toContain(hidden);
  });

  it('similar items leave it out for others', async () => {
    const similar = async (session: Session | null) =>
      expectStatus(await call<ContentList>(session, 'GET', `/content/${visible}/similar`), 200).items.map(
        (i) => i.id,
      );
    expect(await similar(bob)).toContain(hidden);
    expect(await similar(alice)).not.toContain(hidden);
    expect((await call(alice, 'GET', `/content/${hidden}/similar`)).status).toBe(404);
  });

  it('tag counts and the statistics refresh do not count it', async () => {
    const counts = async (session: Session | null) =>
      expectStatus(await call<TagDetail>(session, 'GET', `/tags/${tagSlug}`), 200).counts.visible;
    expect(await counts(bob)).toBe(2);
    expect(await counts(alice)).toBe(1);
    await refreshTagCardinalityStats(app.db, app.config.moderationHideThreshold);
    const stat = await app.db
      .selectFrom('tag_cardinality_stats as s')
      .innerJoin('tags as t', 't.id', 's.tag_id')
      .select('s.content_count')
      .where('t.slug', '=', tagSlug)
      .where('s.source', '=', 'all')
      .executeTakeFirst();
    expect(stat?.content_count).toBe(1);
  });

  it('a shared bookmark category leaves out an item that became hidden', async () => {
    const item = await uploadImage(app, bob, { title: 'Quiet pier', prompt: 'pier' });
    const folder = expectStatus(
      await call<BookmarkCategory>(alice, 'POST', '/bookmark-categories', {
        name: `Mod ${Date.now()}`,
        isPublic: true,
      }),
      201,
    );
    expectStatus(
      await call(alice, 'POST', '/bookmarks', { contentId: item.id, categoryIds: [folder.id] }),
      201,
    );
    const shared = async () =>
      expectStatus(
        await call<SharedCategory>(null, 'GET', `/shared/categories/${folder.shareToken}`),
        200,
      ).items.map((i) => i.id);
    expect(await shared()).toContain(item.id);
    expectStatus(
      await call(bob, 'PATCH', `/content/${item.id}`, { title: 'zorblax grimwort snarkle blorptide quexel' }),
      200,
    );
    expect(await shared()).not.toContain(item.id);
    await approve(item.id);
    expect(await shared()).toContain(item.id);
  });

  it('an admin sees nothing hidden in lists either, but opens it by id', async () => {
    const list = expectStatus(
      await call<GalleryPage>(admin, 'GET', `/content?creatorId=${bob.user.id}&pageSize=100`),
      200,
    );
    expect(list.items.map((i) => i.id)).not.toContain(hidden);
    expect((await call(admin, 'GET', `/content/${hidden}`)).status).toBe(200);
  });

  it('a factory item without a flag row keeps its moderation columns', async () => {
    // Rows written directly (imports, other tools) are never cleared by a check of another item.
    const raw = await createContent(app.db, bob.user.id, { moderation_status: 'pending', risk_score: 99 });
    expect((await call(alice, 'GET', `/content/${raw.id}`)).status).toBe(404);
  });
});
