// The admin moderation endpoints against the real stack: the queue with its filters, the review view,
// approve and remove (one or in bulk, all or nothing), stats, the flag-word list and the rescan job.
// Each endpoint refuses anonymous callers and non-admins.
import type { FastifyInstance } from 'fastify';
import type {
  BulkReviewResult,
  FlaggedItemDetail,
  FlaggedPage,
  FlagWordList,
  ModerationStats,
  ReviewResult,
  ScanProgress,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promoteToAdmin, signUp, type Session } from './auth-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
import {
  ensureTestFlagWords,
  flaggedItem,
  MILD,
  RISKY,
  runScan,
  TEST_FLAG_WORDS,
} from './moderation-helpers';
import { createContent } from './factories';
import { buildTestApp } from './test-context';

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

const refusals = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  it('requires authentication', async () => {
    expect((await call(null, method, url, payload)).status).toBe(401);
  });
  it('refuses a non-admin', async () => {
    const answer = await call<{ error: { code: string } }>(alice, method, url, payload);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('forbidden');
  });
};

const auditCount = async (action: string, targetId: string) =>
  (
    await app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', action)
      .where('target_id', '=', targetId)
      .where('actor_id', '=', admin.user.id)
      .executeTakeFirstOrThrow()
  ).n;

describe('GET /admin/flagged-content', () => {
  refusals('GET', '/admin/flagged-content');

  it('lists pending flags with their content, riskiest first, filtered by risk and source', async () => {
    const risky = await flaggedItem(app, bob.user.id, RISKY);
    const mild = await flaggedItem(app, bob.user.id, MILD, { source: 'auto' });
    const page = expectStatus(
      await call<FlaggedPage>(admin, 'GET', '/admin/flagged-content?pageSize=100'),
      200,
    );
    const ids = page.items.map((i) => i.contentId);
    expect(ids).toContain(risky.item.id);
    expect(ids.indexOf(risky.item.id)).toBeLessThan(ids.indexOf(mild.item.id));
    const entry = page.items.find((i) => i.contentId === risky.item.id);
    expect(entry).toMatchObject({
      riskScore: 85,
      status: 'pending',
      flaggedWords: ['zorblax', 'grimwort', 'snarkle', 'blorptide', 'quexel'],
      content: { id: risky.item.id, title: RISKY.title, creator: { id: bob.user.id } },
    });
    const high = await call<FlaggedPage>(admin, 'GET', '/admin/flagged-content?minRisk=80&pageSize=100');
    expect(high.body.items.every((i) => i.riskScore >= 80)).toBe(true);
    expect(high.body.items.map((i) => i.contentId)).not.toContain(mild.item.id);
    const low = await call<FlaggedPage>(
      admin,
      'GET',
      '/admin/flagged-content?maxRisk=20&source=auto&pageSize=100',
    );
    expect(low.body.items.map((i) => i.contentId)).toContain(mild.item.id);
    expect(low.body.items.every((i) => i.content.source === 'auto' && i.riskScore <= 20)).toBe(true);
    const oldest = await call<FlaggedPage>(admin, 'GET', '/admin/flagged-content?sort=created&pageSize=100');
    const times = oldest.body.items.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort());
  });

  it('pages with an exact total and refuses bad filters', async () => {
    const first = expectStatus(
      await call<FlaggedPage>(admin, 'GET', '/admin/flagged-content?pageSize=1'),
      200,
    );
    expect(first.pagination).toMatchObject({ page: 1, pageSize: 1, totalCountIsEstimate: false });
    expect(first.items.length).toBeLessThanOrEqual(1);
    for (const query of ['status=gone', 'minRisk=101', 'maxRisk=-1', 'source=x', 'sort=name', 'page=0'])
      expect((await call(admin, 'GET', `/admin/flagged-content?${query}`)).status, query).toBe(400);
  });
});

describe('GET /admin/flagged-content/:id', () => {
  refusals('GET', '/admin/flagged-content/1');

  it('shows the text with each hit located and the risk broken down', async () => {
    const { flag } = await flaggedItem(app, bob.user.id, {
      title: 'Zorblax, zorblaxes!',
      prompt: 'one grimwort',
    });
    const detail = expectStatus(
      await call<FlaggedItemDetail>(admin, 'GET', `/admin/flagged-content/${flag?.id}`),
      200,
    );
    expect(detail.titleHighlights).toEqual([
      { word: 'zorblax', index: 0, length: 7 },
      { word: 'zorblax', index: 9, length: 9 },
    ]);
    expect(detail.promptHighlights).toEqual([{ word: 'grimwort', index: 4, length: 8 }]);
    // 4 words, 3 hits, 2 distinct: 75 % → 30 + 9 + 12 = 51
    expect(detail).toMatchObject({
      totalWords: 4,
      problemWords: 3,
      problemPercentage: 75,
      riskScore: 51,
      riskBreakdown: { percentage: 30, count: 9, variety: 12 },
      hiddenFromOthers: false,
    });
    expect((await call(admin, 'GET', '/admin/flagged-content/999999999')).status).toBe(404);
    expect((await call(admin, 'GET', '/admin/flagged-content/abc')).status).toBe(400);
  });
});

describe('POST /admin/flagged-content/:id/review', () => {
  refusals('POST', '/admin/flagged-content/1/review', { decision: 'approve' });

  it('approve makes a hidden item visible to others and is audited', async () => {
    const { item, flag } = await flaggedItem(app, bob.user.id, RISKY);
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(404);
    const result = expectStatus(
      await call<ReviewResult>(admin, 'POST', `/admin/flagged-content/${flag?.id}/review`, {
        decision: 'approve',
        notes: 'fictional creatures',
      }),
      200,
    );
    expect(result).toEqual({ id: flag?.id, contentId: item.id, status: 'approved' });
    expect((await call(alice, 'GET', `/content/${item.id}`)).status).toBe(200);
    const detail = await call<FlaggedItemDetail>(admin, 'GET', `/admin/flagged-content/${flag?.id}`);
    expect(detail.body).toMatchObject({
      status: 'approved',
      notes: 'fictional creatures',
      reviewedBy: admin.user.id,
    });
    expect(await auditCount('admin.moderation_approve', String(item.id))).toBe(1);
    const again = await call(admin, 'POST', `/admin/flagged-content/${flag?.id}/review`, {
      decision: 'approve',
    });
    expect(again.status).toBe(409);
  });

  it('remove deletes the item as DELETE /content/:id does and is audited', async () => {
    const { item, flag } = await flaggedItem(app, bob.user.id, MILD, {
      storage_key: `content/${Date.now()}/x.png`,
    });
    const result = await call<ReviewResult>(admin, 'POST', `/admin/flagged-content/${flag?.id}/review`, {
      decision: 'remove',
    });
    expect(expectStatus(result, 200)).toEqual({ id: flag?.id, contentId: item.id, status: 'removed' });
    expect((await call(bob, 'GET', `/content/${item.id}`)).status).toBe(404);
    expect((await call(admin, 'GET', `/admin/flagged-content/${flag?.id}`)).status).toBe(404);
    const queued = await app.db
      .selectFrom('storage_deletions')
      .select('storage_key')
      .where('storage_key', '=', item.storage_key ?? '')
      .execute();
    expect(queued).toHaveLength(1);
    expect(await auditCount('admin.moderation_remove', String(item.id))).toBe(1);
  });

  it('refuses a bad decision or notes with the field named', async () => {
    const bad = await call<{ error: { details: { field: string }[] } }>(
      admin,
      'POST',
      '/admin/flagged-content/1/review',
      {
        decision: 'delete',
        notes: 'x'.repeat(2001),
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['body.decision', 'body.notes']),
    );
    expect(
      (await call(admin, 'POST', '/admin/flagged-content/999999999/review', { decision: 'remove' })).status,
    ).toBe(404);
  });
});

describe('POST /admin/flagged-content/bulk', () => {
  refusals('POST', '/admin/flagged-content/bulk', { ids: [1], decision: 'approve' });

  it('applies one decision to all, reporting each id', async () => {
    const a = await flaggedItem(app, bob.user.id, RISKY);
    const b = await flaggedItem(app, bob.user.id, MILD);
    const ids = [a.flag?.id ?? 0, b.flag?.id ?? 0];
    const result = expectStatus(
      await call<BulkReviewResult>(admin, 'POST', '/admin/flagged-content/bulk', {
        ids,
        decision: 'approve',
      }),
      200,
    );
    expect(result).toEqual({
      decision: 'approve',
      results: [
        { id: ids[0], contentId: a.item.id, status: 'approved' },
        { id: ids[1], contentId: b.item.id, status: 'approved' },
      ],
    });
    const removed = await call<BulkReviewResult>(admin, 'POST', '/admin/flagged-content/bulk', {
      ids,
      decision: 'remove',
    });
    expect(removed.body.results.map((r) => r.status)).toEqual(['removed', 'removed']);
    expect((await call(admin, 'GET', `/content/${a.item.id}`)).status).toBe(404);
  });

  it('changes nothing when any id fails, naming each failing one', async () => {
    const ok = await flaggedItem(app, bob.user.id, RISKY);
    const approved = await flaggedItem(app, bob.user.id, MILD);
    await call(admin, 'POST', `/admin/flagged-content/${approved.flag?.id}/review`, { decision: 'approve' });
    const missing = await call<{ error: { details: { field: string }[] } }>(
      admin,
      'POST',
      '/admin/flagged-content/bulk',
      {
        ids: [ok.flag?.id, 999999999],
        decision: 'remove',
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.details.map((d) => d.field)).toEqual(['body.ids.1']);
    const conflict = await call<{ error: { details: { field: string }[] } }>(
      admin,
      'POST',
      '/admin/flagged-content/bulk',
      {
        ids: [ok.flag?.id, approved.flag?.id],
        decision: 'approve',
      },
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.details.map((d) => d.field)).toEqual(['body.ids.1']);
    const still = await call<FlaggedItemDetail>(admin, 'GET', `/admin/flagged-content/${ok.flag?.id}`);
    expect(still.body.status).toBe('pending');
    for (const body of [
      { ids: [], decision: 'approve' },
      { ids: [1], decision: 'nope' },
      { decision: 'remove' },
    ])
      expect((await call(admin, 'POST', '/admin/flagged-content/bulk', body)).status).toBe(400);
  });
});

describe('GET /admin/flagged-content/stats', () => {
  refusals('GET', '/admin/flagged-content/stats');

  it('counts by status, hidden items and removals, with a risk histogram', async () => {
    const before = expectStatus(
      await call<ModerationStats>(admin, 'GET', '/admin/flagged-content/stats'),
      200,
    );
    const { flag } = await flaggedItem(app, bob.user.id, RISKY);
    await call(admin, 'POST', `/admin/flagged-content/${flag?.id}/review`, { decision: 'remove' });
    await flaggedItem(app, bob.user.id, RISKY);
    const after = expectStatus(
      await call<ModerationStats>(admin, 'GET', '/admin/flagged-content/stats'),
      200,
    );
    expect(after.removed).toBeGreaterThan(before.removed);
    expect(after.pending).toBeGreaterThanOrEqual(1);
    expect(after.hidden).toBeGreaterThanOrEqual(1);
    expect(after.hideThreshold).toBe(75);
    expect(after.riskHistogram).toHaveLength(10);
    expect(after.riskHistogram[8]).toMatchObject({ from: 80, to: 90 });
    expect(after.riskHistogram[8]?.count).toBeGreaterThanOrEqual(1);
  });
});

describe('GET|PUT /admin/flag-words', () => {
  refusals('GET', '/admin/flag-words');
  refusals('PUT', '/admin/flag-words', { words: ['x'] });

  it('replaces the list, dropping repeats, and audits the change', async () => {
    const words = [...TEST_FLAG_WORDS, 'plonkish', 'plonkish', 'naïve-ish'];
    const saved = expectStatus(await call<FlagWordList>(admin, 'PUT', '/admin/flag-words', { words }), 200);
    expect(saved.words).toEqual([...new Set(words)].sort());
    expect((await call<FlagWordList>(admin, 'GET', '/admin/flag-words')).body.words).toEqual(saved.words);
    const entry = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'admin.flag_words_update')
      .where('actor_id', '=', admin.user.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ count: saved.words.length });
    expectStatus(await call(admin, 'PUT', '/admin/flag-words', { words: TEST_FLAG_WORDS }), 200);
    expect((await call<FlagWordList>(admin, 'GET', '/admin/flag-words')).body.words).not.toContain(
      'plonkish',
    );
  });

  it('refuses upper case, spaces, empty and over-long words with the field named', async () => {
    const cases: [string[], string][] = [
      [['fine', 'Upper'], 'body.words.1'],
      [['two words'], 'body.words.0'],
      [[''], 'body.words.0'],
      [['x'.repeat(101)], 'body.words.0'],
    ];
    for (const [words, field] of cases) {
      const answer = await call<{ error: { details: { field: string }[] } }>(
        admin,
        'PUT',
        '/admin/flag-words',
        { words },
      );
      expect(answer.status, words.join()).toBe(400);
      expect(answer.body.error.details.map((d) => d.field)).toContain(field);
    }
    expect((await call(admin, 'PUT', '/admin/flag-words', {})).status).toBe(400);
    expect((await call<FlagWordList>(admin, 'GET', '/admin/flag-words')).body.words).toEqual(
      expect.arrayContaining(TEST_FLAG_WORDS),
    );
  });
});

describe('POST|GET /admin/flagged-content/scan', () => {
  refusals('POST', '/admin/flagged-content/scan');
  refusals('GET', '/admin/flagged-content/scan');

  it('queues one scan at a time, reports progress, and keeps decisions on unchanged text', async () => {
    // Items written without the creation check (as before this feature, or before a word was listed).
    const unseen = await createContent(app.db, bob.user.id, { title: 'quexel quexel', prompt: 'snarkle' });
    const { flag: approvedFlag } = await flaggedItem(app, bob.user.id, RISKY);
    await call(admin, 'POST', `/admin/flagged-content/${approvedFlag?.id}/review`, { decision: 'approve' });

    const queued = expectStatus(await call<ScanProgress>(admin, 'POST', '/admin/flagged-content/scan'), 202);
    expect(queued).toMatchObject({ state: 'queued', processed: 0 });
    expect((await call(admin, 'POST', '/admin/flagged-content/scan')).status).toBe(409);

    const result = await runScan(app);
    expect(result.processed).toBeGreaterThanOrEqual(2);
    const done = expectStatus(await call<ScanProgress>(admin, 'GET', '/admin/flagged-content/scan'), 200);
    expect(done).toMatchObject({ state: 'completed', error: null });
    expect(done.processed).toBe(done.total);
    expect(done.flagged).toBeGreaterThanOrEqual(2);
    expect(done.finishedAt).not.toBeNull();

    const found = await app.db
      .selectFrom('flagged_content')
      .selectAll()
      .where('content_id', '=', unseen.id)
      .executeTakeFirst();
    expect(found).toMatchObject({
      status: 'pending',
      flagged_words: ['quexel', 'snarkle'],
      problem_words: 3,
    });
    const kept = await app.db
      .selectFrom('flagged_content')
      .selectAll()
      .where('id', '=', approvedFlag?.id ?? 0)
      .executeTakeFirst();
    expect(kept?.status).toBe('approved');
    expect((await call(alice, 'GET', `/content/${unseen.id}`)).status).toBe(200);

    // Finished: a new scan may start.
    expect((await call(admin, 'POST', '/admin/flagged-content/scan')).status).toBe(202);
    await runScan(app);
  });
});
