// The gallery's total (gallery.repository.ts galleryCount): exact when counting is cheap, PostgreSQL's
// estimate, flagged, when the count would take longer than its budget.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { galleryCount } from '../src/modules/content/gallery.repository';
import { signUp } from './auth-helpers';
import { createContent } from './factories';
import { buildTestApp } from './test-context';

const app = await buildTestApp();
afterAll(() => app.close());

describe('the gallery total', () => {
  it('is exact when the count is quick', async () => {
    const owner = await signUp(app);
    await createContent(app.db, owner.user.id);
    await createContent(app.db, owner.user.id);
    const mine = sql<boolean>`c.creator_id = ${owner.user.id}`;
    const total = await galleryCount(
      app.db,
      { conditions: [mine] },
      { exactUpTo: 10_000, bound: 2, estimateConditions: [mine], tagShare: 1 },
    );
    expect(total).toEqual({ count: 2, estimate: false });
  });

  it('is the estimate, flagged, when counting takes longer than its budget', async () => {
    const slow = sql<boolean>`(SELECT pg_sleep(0.2)) IS NOT NULL`;
    const total = await galleryCount(
      app.db,
      { conditions: [slow] },
      { exactUpTo: 10_000, bound: 7, estimateConditions: [slow], tagShare: 1 },
    );
    expect(total).toEqual({ count: 7, estimate: true });
    // The connection's own timeout is back to normal: the budget was the transaction's only.
    const { rows } = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(app.db);
    expect(rows[0]?.statement_timeout).not.toBe('20ms');
  });
});
