// `genonaut seed bulk`: the benchmark dataset of SPEC §12, written with COPY on parallel connections.
// Triggers and foreign-key checks are skipped for the load (session_replication_role = replica, which
// needs a superuser): the generator computes the counters the triggers would, links only rows it made,
// and the default bookmark categories and memberships are written in bulk afterwards.
import pg from 'pg';
import { sql } from 'kysely';
import { createDatabase } from '../../database';
import type { StorageBackend } from '../../../storage/storage';
import { uuidV5 } from '../../../lib/tag-id';
import { hashPassword } from '../../../lib/password';
import { refreshGenSourceStats, refreshTagCardinalityStats } from '../../../modules/stats/stats.repository';
import { loadCheckpoints, loadLoras } from '../catalogue';
import { seedTaxonomy } from '../demo/seed-taxonomy';
import { bulkTags } from './bulk-tags';
import { CopyWriter } from './copy-writer';
import { dropSecondaryIndexes, rebuildIndexes, type DeferredIndex } from './deferred-indexes';
import { storeImagePool } from './image-pool';
import {
  bookmarkColumns,
  interactionColumns,
  itemColumns,
  ItemGenerator,
  ratingColumns,
  type ChunkRows,
} from './bulk-items';

const USER_NAMESPACE = 'b3c1d2e4-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const CHUNK = 5_000;
/** The tables COPY fills: their secondary indexes are built after the load. */
const LOADED_TABLES = ['content_items', 'content_tags', 'content_ratings', 'user_interactions', 'bookmarks'];
/** Every size drawParams can choose (SD 1.5 and SDXL at half scale). */
const IMAGE_SIZES = [
  [512, 768],
  [768, 512],
  [512, 512],
  [576, 768],
  [416, 608],
  [608, 416],
  [448, 576],
] as const;

export interface BulkSeedOptions {
  items: number;
  users: number;
  seed: number;
  /** Password of every bench user (`bench_00001` …), so the benchmark can sign in. */
  password: string;
  hideThreshold: number;
  /** Tags in total: the curated hierarchy plus generated long-tail tags up to this number. */
  tagCount?: number;
  tagsPerItem?: number;
  now?: Date;
  log?: (message: string) => void;
  progress?: (done: number, total: number) => void;
}

export interface BulkSeedSummary {
  users: number;
  items: number;
  tags: number;
  contentTags: number;
  ratings: number;
  interactions: number;
  bookmarks: number;
  seconds: number;
}

export const benchUsername = (i: number) => `bench_${String(i + 1).padStart(5, '0')}`;

export async function seedBulk(
  databaseUrl: string,
  storage: StorageBackend,
  options: BulkSeedOptions,
): Promise<BulkSeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const db = createDatabase({ url: databaseUrl, poolSize: 2, applicationName: 'genonaut-seed-bulk' });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 6, application_name: 'genonaut-seed-bulk' });
  try {
    const existing = await db
      .selectFrom('content_items')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0)
      throw new Error('seed bulk writes into an empty database; this one has content items');

    await seedTaxonomy(db);
    const tags = bulkTags(Math.max(0, (options.tagCount ?? 1_000) - 219), options.seed);
    const generated = tags.filter((t) => t.generated);
    if (generated.length > 0) {
      await db
        .insertInto('tags')
        .values(generated.map((t) => ({ slug: t.slug, name: t.name })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      await db
        .insertInto('tag_parents')
        .values(
          generated.flatMap((t) =>
            t.parents.map((p) => ({ tag_id: t.id, parent_id: tags.find((x) => x.slug === p)?.id ?? '' })),
          ),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    log(`${tags.length} tags (${generated.length} generated long-tail tags)`);
    const images = await storeImagePool(storage, IMAGE_SIZES);
    log(`${images.size} pooled images stored`);

    const userIds = Array.from({ length: options.users }, (_, i) =>
      uuidV5(`bench-user-${options.seed}-${i}`, USER_NAMESPACE),
    );
    const passwordHash = await hashPassword(options.password);
    const ids = await sql<{
      next: number;
    }>`SELECT COALESCE(max(id), 0) + 1 AS next FROM content_items`.execute(db);
    const firstId = Number(ids.rows[0]?.next ?? 1);

    const clients = await Promise.all(Array.from({ length: 6 }, () => pool.connect()));
    let deferred: DeferredIndex[] = [];
    try {
      deferred = await dropSecondaryIndexes(clients[0] as pg.PoolClient, LOADED_TABLES);
      log(`${deferred.length} secondary indexes dropped for the load, rebuilt after it`);
      for (const c of clients) await c.query(`SET session_replication_role = replica`);
      const [cu, ci, ct, cr, cx, cb] = clients as [
        pg.PoolClient,
        pg.PoolClient,
        pg.PoolClient,
        pg.PoolClient,
        pg.PoolClient,
        pg.PoolClient,
      ];
      const users = new CopyWriter(cu, 'users', [
        'id',
        'username',
        'email',
        'password_hash',
        'display_name',
        'created_at',
        'updated_at',
      ]);
      for (let i = 0; i < options.users; i++) {
        const at = new Date(now.getTime() - 800 * 86_400_000 + i * 1000).toISOString();
        await users.row(
          `${userIds[i]}\t${benchUsername(i)}\t${benchUsername(i)}@bench.genonaut.local\t${passwordHash}\tBench user ${i + 1}\t${at}\t${at}`,
        );
      }
      await users.end();

      const writers = {
        items: new CopyWriter(ci, 'content_items', itemColumns),
        tags: new CopyWriter(ct, 'content_tags', ['content_id', 'tag_id']),
        ratings: new CopyWriter(cr, 'content_ratings', ratingColumns),
        interactions: new CopyWriter(cx, 'user_interactions', interactionColumns),
        bookmarks: new CopyWriter(cb, 'bookmarks', bookmarkColumns),
      };
      const generator = new ItemGenerator({
        items: options.items,
        firstId,
        seed: options.seed,
        userIds,
        tags,
        zipfTagsPerItem: Math.max(1, (options.tagsPerItem ?? 30) - 8),
        ratingsPerItem: 1,
        interactionsPerItem: 1,
        bookmarksPerItem: 0.2,
        checkpoints: loadCheckpoints(),
        loras: loadLoras(),
        images,
        now,
      });
      for (let start = 0; start < options.items; start += CHUNK) {
        const rows: ChunkRows = generator.chunk(start, Math.min(options.items, start + CHUNK));
        await Promise.all((Object.keys(writers) as (keyof ChunkRows)[]).map((k) => writers[k].rows(rows[k])));
        options.progress?.(Math.min(options.items, start + CHUNK), options.items);
      }
      const counts = Object.fromEntries(
        await Promise.all(Object.entries(writers).map(async ([k, w]) => [k, await w.end()] as const)),
      ) as Record<keyof ChunkRows, number>;
      log('Rows written; indexes, default bookmark categories and statistics next');
      await rebuildIndexes(clients.slice(0, 2), deferred.splice(0), log);

      await cu.query(`
        INSERT INTO bookmark_categories (user_id, name, description, is_default, sort_index)
        SELECT u.id, 'Uncategorized', 'Bookmarks not filed in any other category', true, 0 FROM users u
        WHERE NOT EXISTS (SELECT 1 FROM bookmark_categories d WHERE d.user_id = u.id AND d.is_default)`);
      await cu.query(`
        INSERT INTO bookmark_category_members (bookmark_id, category_id, user_id, added_at)
        SELECT b.id, d.id, b.user_id, b.created_at FROM bookmarks b
        JOIN bookmark_categories d ON d.user_id = b.user_id AND d.is_default`);
      await cu.query(
        `SELECT setval(pg_get_serial_sequence('content_items', 'id'), (SELECT max(id) FROM content_items))`,
      );
      // A vacuum sets the visibility map, so tag filters can use index-only scans from the first query.
      await cu.query(`SET maintenance_work_mem = '512MB'`);
      for (const t of [
        'users',
        'content_items',
        'content_tags',
        'content_ratings',
        'user_interactions',
        'bookmarks',
        'bookmark_categories',
        'bookmark_category_members',
      ]) {
        await cu.query(`VACUUM (ANALYZE) ${t}`);
      }
      await refreshTagCardinalityStats(db, options.hideThreshold);
      await refreshGenSourceStats(db, options.hideThreshold);
      return {
        users: options.users,
        items: counts.items,
        tags: tags.length,
        contentTags: counts.tags,
        ratings: counts.ratings,
        interactions: counts.interactions,
        bookmarks: counts.bookmarks,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
    } finally {
      // Connections that failed mid-COPY are discarded rather than reused.
      for (const c of clients) c.release(true);
      // A failed load still gets its indexes back (over the rows it wrote), on a fresh connection.
      if (deferred.length > 0) {
        const repair = await pool.connect();
        try {
          await rebuildIndexes([repair], deferred, log);
        } finally {
          repair.release(true);
        }
      }
    }
  } finally {
    await pool.end();
    await db.destroy();
  }
}
