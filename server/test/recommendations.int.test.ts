// Recommendations against the real stack, on constructed data: a taste for watercolor portraits brings
// watercolor and portrait items first with reasons naming those tags; own, rated, private and hidden
// items never appear; dismissed items never return; feedback is private to its owner; inputs are checked.
import type { FastifyInstance } from 'fastify';
import type { RecommendationFeedback, RecommendationList } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session } from './auth-helpers';
import { expectStatus } from './engagement-helpers';
import { createUser } from './factories';
import {
  rate,
  recommendationsApi,
  taggedItem,
  taggedItems,
  uniqueTags,
  type TagRow,
} from './recommendation-helpers';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let tags: Record<'watercolor' | 'portrait' | 'cyberpunk', TagRow>;
/** Items alice should be offered (watercolor and/or portrait) and the ones she must never see. */
const offered: number[] = [];
const never: number[] = [];
let unrelated: number[] = [];
const api = recommendationsApi(() => app);

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob] = await Promise.all([signUp(app), signUp(app)]);
  tags = await uniqueTags(app, 'watercolor', 'portrait', 'cyberpunk');
  const artist = await createUser(app.db);
  const { watercolor, portrait, cyberpunk } = tags;
  const liked = await taggedItems(app, artist.id, [watercolor, portrait], 6);
  await rate(
    app,
    alice.user.id,
    liked.slice(0, 5).map((i) => i.id),
    5,
  );
  // A liked item rated by her is "already rated": it must not come back.
  never.push(...liked.slice(0, 5).map((i) => i.id));
  offered.push(liked[5]!.id);
  for (const set of [[watercolor, portrait], [watercolor], [portrait]]) {
    offered.push(...(await taggedItems(app, artist.id, set, 2)).map((i) => i.id));
  }
  unrelated = (await taggedItems(app, artist.id, [cyberpunk], 3)).map((i) => i.id);
  await rate(app, alice.user.id, [unrelated[0]!], 1);
  never.push(unrelated[0]!);
  never.push((await taggedItem(app, alice.user.id, [watercolor, portrait])).id);
  never.push((await taggedItem(app, artist.id, [watercolor, portrait], { is_private: true })).id);
  never.push(
    (
      await taggedItem(app, artist.id, [watercolor, portrait], {
        moderation_status: 'pending',
        risk_score: 99,
      })
    ).id,
  );
});
afterAll(() => app.close());

describe('GET /recommendations', () => {
  it('requires authentication', async () => {
    expect((await api.call(null, 'GET', '/recommendations')).status).toBe(401);
  });

  it("refuses another user: nobody sees alice's list or its reasons", async () => {
    const aliceList = await api.list(alice);
    const bobList = await api.list(bob);
    const aliceTagged = aliceList.filter((r) => r.reasons.some((x) => x.kind === 'tags'));
    expect(aliceTagged.length).toBeGreaterThan(0);
    const slugs = Object.values(tags).map((t) => t.slug);
    const bobSlugs = bobList.flatMap((r) =>
      r.reasons.flatMap((reason) => (reason.kind === 'tags' ? reason.tags.map((t) => t.slug) : [])),
    );
    for (const slug of slugs) expect(bobSlugs).not.toContain(slug);
    expect(bobList.map((r) => r.contentId)).not.toEqual(aliceList.map((r) => r.contentId));
  });

  it('ranks watercolor and portrait items first for a watercolor-portrait fan, with reasons naming the tags', async () => {
    const list = await api.list(alice);
    const top = list.slice(0, offered.length).map((r) => r.contentId);
    expect(new Set(top)).toEqual(new Set(offered));
    // Items carrying both tags outrank those carrying one.
    const both = offered.slice(0, 3);
    expect(top.slice(0, 3).sort()).toEqual([...both].sort());
    const first = list[0]!;
    expect(first.algorithm).toBe('tag-profile');
    expect(first.reasons[0]).toEqual({
      kind: 'tags',
      tags: expect.arrayContaining([
        { slug: tags.watercolor.slug, name: tags.watercolor.name },
        { slug: tags.portrait.slug, name: tags.portrait.name },
      ]) as unknown,
    });
    expect(first.content).toMatchObject({ id: first.contentId, viewer: { bookmarkId: null, rating: null } });
    expect(first.score).toBeGreaterThan(list[list.length - 1]!.score);
  });

  it('never offers own, already-rated, private or moderation-hidden items', async () => {
    const ids = (await api.refresh(alice)).map((r) => r.contentId);
    for (const id of never) expect(ids).not.toContain(id);
    // Disliked cyberpunk keeps the other cyberpunk items out, or at least below everything she likes.
    const lastOffered = Math.max(...offered.map((id) => ids.indexOf(id)));
    for (const id of unrelated.slice(1))
      if (ids.includes(id)) expect(ids.indexOf(id)).toBeGreaterThan(lastOffered);
  });

  it('drops an item rated or bookmarked after the refresh without waiting for the next one', async () => {
    const user = await signUp(app);
    await rate(app, user.user.id, [never[0]!], 5);
    const before = await api.list(user);
    const [rated, bookmarked] = before.filter((r) => r.reasons.some((x) => x.kind === 'tags'));
    expect(bookmarked).toBeDefined();
    // Opened from the list first: that feedback must survive the item leaving the list.
    expectStatus(await api.feedback(user, rated!.contentId, 'clicked'), 200);
    await rate(app, user.user.id, [rated!.contentId], 4);
    expectStatus(await api.call(user, 'POST', '/bookmarks', { contentId: bookmarked!.contentId }), 201);
    const after = (await api.list(user)).map((r) => r.contentId);
    expect(after).not.toContain(rated!.contentId);
    expect(after).not.toContain(bookmarked!.contentId);
    const rows = await app.db
      .selectFrom('recommendations')
      .select(['content_id', 'replaced_at', 'clicked_at'])
      .where('user_id', '=', user.user.id)
      .where('content_id', 'in', [rated!.contentId, bookmarked!.contentId])
      .execute();
    // The clicked one stays as history (replaced); the one without feedback is gone.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ content_id: rated!.contentId });
    expect(rows[0]!.replaced_at).not.toBeNull();
    expect(rows[0]!.clicked_at).not.toBeNull();
  });

  it('computes a new user’s list on the first read only, and answers 400 naming a bad limit', async () => {
    const user = await signUp(app);
    const first = expectStatus(await api.call<RecommendationList>(user, 'GET', '/recommendations'), 200);
    expect(first.computedAt).not.toBeNull();
    expect(first.items.length).toBeLessThanOrEqual(20);
    const second = expectStatus(await api.call<RecommendationList>(user, 'GET', '/recommendations'), 200);
    expect(second.computedAt).toBe(first.computedAt);
    // A list that is empty (nothing left to offer) is still computed: read as such, not recomputed.
    await app.db.deleteFrom('recommendations').where('user_id', '=', user.user.id).execute();
    const emptied = expectStatus(await api.call<RecommendationList>(user, 'GET', '/recommendations'), 200);
    expect(emptied).toEqual({ items: [], computedAt: first.computedAt });
    for (const limit of ['0', '101', 'many']) {
      const bad = await api.call<{ error: { details: { field: string }[] } }>(
        user,
        'GET',
        `/recommendations?limit=${limit}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0]?.field).toContain('limit');
    }
  });
});

describe('POST /recommendations/:contentId/feedback', () => {
  it('requires authentication', async () => {
    const anonymous = await api.call(null, 'POST', `/recommendations/${offered[0]}/feedback`, {
      action: 'served',
    });
    expect(anonymous.status).toBe(401);
  });

  it("refuses another user: nobody else can give feedback on alice's recommendations", async () => {
    // Someone without a list of their own (who has never asked for one) tries alice's top item.
    const mallory = await signUp(app);
    const [item] = await api.list(alice);
    const attempt = await api.feedback(mallory, item!.contentId, 'dismissed');
    expect(attempt.status).toBe(404);
    expect((await api.list(alice)).map((r) => r.contentId)).toContain(item!.contentId);
  });

  it('records served and clicked, and answers 404 for an item not in the list', async () => {
    const [item] = await api.list(alice);
    const served = expectStatus(await api.feedback(alice, item!.contentId, 'served'), 200);
    expect(served).toMatchObject({ contentId: item!.contentId, clickedAt: null, dismissedAt: null });
    const again = expectStatus(await api.feedback(alice, item!.contentId, 'served'), 200);
    expect((again as RecommendationFeedback).servedAt).toBe((served as RecommendationFeedback).servedAt);
    const clicked = expectStatus(await api.feedback(alice, item!.contentId, 'clicked'), 200);
    expect((clicked as RecommendationFeedback).clickedAt).not.toBeNull();
    expect((await api.list(alice)).find((r) => r.contentId === item!.contentId)?.servedAt).not.toBeNull();
    expect((await api.feedback(alice, never[1]!, 'served')).status).toBe(404);
  });

  it('answers 400 naming the field for a bad action or id', async () => {
    const badAction = await api.call<{ error: { details: { field: string }[] } }>(
      alice,
      'POST',
      `/recommendations/${offered[0]}/feedback`,
      { action: 'loved' },
    );
    expect(badAction.status).toBe(400);
    expect(badAction.body.error.details.map((d) => d.field).join()).toContain('action');
    const badId = await api.feedback(alice, 'abc' as unknown as number, 'served');
    expect(badId.status).toBe(400);
  });

  it('removes a dismissed item at once, and no refresh brings it back', async () => {
    const user = await signUp(app);
    await rate(app, user.user.id, never.slice(0, 3), 5);
    const [first] = await api.refresh(user);
    expect(first).toBeDefined();
    expectStatus(await api.feedback(user, first!.contentId, 'dismissed'), 200);
    expect((await api.list(user)).map((r) => r.contentId)).not.toContain(first!.contentId);
    expect((await api.refresh(user)).map((r) => r.contentId)).not.toContain(first!.contentId);
    expect((await api.refresh(user)).map((r) => r.contentId)).not.toContain(first!.contentId);
  });
});

describe('POST /recommendations/refresh', () => {
  it('requires authentication', async () => {
    expect((await api.call(null, 'POST', '/recommendations/refresh')).status).toBe(401);
  });

  it('refuses another user: refreshing changes only the caller’s list', async () => {
    const before = await api.list(alice);
    await api.refresh(bob);
    expect((await api.list(alice)).map((r) => r.contentId)).toEqual(before.map((r) => r.contentId));
  });

  it('limits how often one user refreshes (429 with Retry-After)', async () => {
    const user = await signUp(app);
    let limited: { status: number } | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const answer = await api.call(user, 'POST', '/recommendations/refresh');
      if (answer.status !== 200) limited = answer;
    }
    expect(limited?.status).toBe(429);
  });
});
