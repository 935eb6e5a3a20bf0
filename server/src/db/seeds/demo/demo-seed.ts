// `genonaut seed demo`: the whole demo data set, idempotent (a second run changes nothing and adds
// only what is missing).
import type { Database } from '../../database';
import type { StorageBackend } from '../../../storage/storage';
import { refreshGenSourceStats, refreshTagCardinalityStats } from '../../../modules/stats/stats.repository';
import { activeUserIds } from '../../../modules/recommendations/recommendations.repository';
import { recomputeList } from '../../../modules/recommendations/recommendations.service';
import { seedContent } from './seed-content';
import { seedBookmarks, seedDemoPreferences, seedRatingsAndInteractions } from './seed-engagement';
import { seedFlaggedExamples } from './seed-flagged';
import { seedJobs } from './seed-jobs';
import { seedPeople } from './seed-people';
import { seedTaxonomy } from './seed-taxonomy';

export interface DemoSeedOptions {
  /** Password for `admin` and `demo` when they are created. */
  password: string;
  itemCount?: number;
  log?: (message: string) => void;
  now?: Date;
  /** MODERATION_HIDE_THRESHOLD, for the public counts of the source statistics. */
  hideThreshold?: number;
}

export interface DemoSeedSummary {
  tags: number;
  createdItems: number;
  renderedImages: number;
  ratings: number;
  bookmarks: number;
}

export async function seedDemo(
  db: Database,
  storage: StorageBackend,
  options: DemoSeedOptions,
): Promise<DemoSeedSummary> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const taxonomy = await seedTaxonomy(db);
  log(`Tags and model catalogue ready (${taxonomy.tags} tags, ${taxonomy.edges} parent links)`);
  const people = await seedPeople(db, options.password);
  const jobOutputs = await seedJobs(db, people, now);
  const content = await seedContent(db, storage, people, jobOutputs, {
    itemCount: options.itemCount ?? 2000,
    now,
    log,
  });
  await seedFlaggedExamples(db, storage, people, { now, log });
  const ratings = await seedRatingsAndInteractions(db, people);
  const bookmarks = await seedBookmarks(db, people);
  await seedDemoPreferences(db, people, now);
  await refreshTagCardinalityStats(db, options.hideThreshold ?? 75);
  await refreshGenSourceStats(db, options.hideThreshold ?? 75);
  // Recommendations last: they read the statistics (tag IDF) and every signal seeded above, so the
  // page is full on the first visit instead of waiting for the hourly job.
  const recommended = await seedRecommendations(db, options.hideThreshold ?? 75);
  log(`Recommendations computed for ${recommended} active users`);
  return {
    tags: taxonomy.tags,
    createdItems: content.created,
    renderedImages: content.rendered,
    ratings,
    bookmarks,
  };
}

async function seedRecommendations(db: Database, hideThreshold: number): Promise<number> {
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await activeUserIds(db, after, 100);
    for (const userId of batch) await recomputeList(db, hideThreshold, userId);
    count += batch.length;
    if (batch.length < 100) return count;
    after = batch[batch.length - 1] ?? null;
  }
}
