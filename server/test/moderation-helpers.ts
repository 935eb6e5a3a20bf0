// Moderation tests share one database with every other test file, and the flag-word list is global: the
// tests only use made-up words nobody else writes, and any test that replaces the list keeps them.
import type { FastifyInstance } from 'fastify';
import { SCAN_JOB } from '../src/modules/moderation/moderation-scan';
import { runJob } from './content-helpers';
import { createContent } from './factories';
import { screenContent } from '../src/modules/moderation/moderation-screen.repository';

export const TEST_FLAG_WORDS = ['zorblax', 'grimwort', 'snarkle', 'blorptide', 'quexel', 'fandangy'];

/** Five distinct words in five: risk 85, above the default hide threshold (75). */
export const RISKY = { title: 'zorblax grimwort', prompt: 'snarkle blorptide quexel' };
/** One word in four: risk 19 (0.4 × 25 + 3 + 6), flagged but visible. */
export const MILD = { title: 'A zorblax at dusk', prompt: '' };

export async function ensureTestFlagWords(app: FastifyInstance): Promise<void> {
  await app.db
    .insertInto('flag_words')
    .values(TEST_FLAG_WORDS.map((word) => ({ word })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** An item made through the factory and checked as creation checks it. */
export async function flaggedItem(
  app: FastifyInstance,
  creatorId: string,
  text: { title: string; prompt: string },
  overrides: Parameters<typeof createContent>[2] = {},
) {
  const item = await createContent(app.db, creatorId, { ...text, ...overrides });
  await screenContent(app.db, [item.id]);
  const flag = await app.db
    .selectFrom('flagged_content')
    .selectAll()
    .where('content_id', '=', item.id)
    .executeTakeFirst();
  return { item, flag };
}

/** Runs the rescan job in-process, as the worker would. */
export const runScan = (app: FastifyInstance) => runJob(app, SCAN_JOB);
