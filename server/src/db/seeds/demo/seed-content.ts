// ~2 000 content items with real images and thumbnails, some of them the outputs of the demo user's
// completed generation jobs. Items are keyed by metadata.demoKey, so a second run adds only what is
// missing and re-renders only images whose files were never stored.
import { sql } from 'kysely';
import type { Database } from '../../database';
import type { StorageBackend } from '../../../storage/storage';
import { contentKeyPrefix } from '../../../storage/storage';
import { makeThumbnails, storeImageWithThumbnails } from '../../../storage/thumbnails';
import { encodePng, paintImage } from '../../../images/render-image';
import { tagIdForSlug } from '../../../lib/tag-id';
import { screenContent } from '../../../modules/moderation/moderation-screen.repository';
import { loadCheckpoints, loadLoras } from '../catalogue';
import { composePrompt, createRng } from '../vocabulary/compose-prompt';
import { drawParams } from './demo-params';
import type { JobOutput } from './seed-jobs';
import type { DemoPeople } from './seed-people';

const DAY_MS = 86_400_000;
const INSERT_BATCH = 200;
const RENDER_CONCURRENCY = 3;

export interface ContentSeedOptions {
  itemCount: number;
  now: Date;
  log: (message: string) => void;
}

/** Who made demo item `i`: the demo user a fair share, the admin a few, the community the rest. */
function creatorOf(i: number, people: DemoPeople, r: number): string {
  if (i % 7 === 0) return people.demoId;
  if (i % 41 === 0) return people.adminId;
  return people.communityIds[Math.floor(r * people.communityIds.length)] ?? people.demoId;
}

export async function seedContent(
  db: Database,
  storage: StorageBackend,
  people: DemoPeople,
  jobsByItem: Map<number, JobOutput>,
  opts: ContentSeedOptions,
): Promise<{ created: number; rendered: number }> {
  const checkpoints = loadCheckpoints();
  const loras = loadLoras();
  const existing = await seededKeys(db, 'demoKey');

  const rows = [];
  const tagRows: { key: number; tags: string[] }[] = [];
  for (let i = 0; i < opts.itemCount; i++) {
    if (existing.has(i)) continue;
    const rng = createRng(10_007 + i);
    const job = jobsByItem.get(i);
    const composed = job?.composed ?? composePrompt(rng);
    const params = job?.params ?? drawParams(rng, checkpoints, loras);
    const creator = job ? people.demoId : creatorOf(i, people, rng());
    const createdAt = job?.completedAt ?? new Date(opts.now.getTime() - Math.floor(rng() * 180 * DAY_MS));
    rows.push({
      source: job || rng() < 0.65 ? ('regular' as const) : ('auto' as const),
      creator_id: creator,
      title: composed.title,
      prompt: composed.prompt,
      negative_prompt: composed.negativePrompt,
      generation_job_id: job?.jobId ?? null,
      output_index: job?.outputIndex ?? null,
      checkpoint: params.checkpoint,
      loras: JSON.stringify(params.loras),
      seed: params.seed,
      steps: params.steps,
      cfg: params.cfg,
      sampler: params.sampler,
      scheduler: params.scheduler,
      denoise: params.denoise,
      width: params.width,
      height: params.height,
      quality_score: Math.round((0.35 + rng() * 0.65) * 1000) / 1000,
      is_private: job ? false : rng() < 0.08,
      metadata: JSON.stringify({ demoKey: i }),
      created_at: createdAt,
    });
    tagRows.push({ key: i, tags: composed.tags });
  }

  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const tags = tagRows.slice(start, start + INSERT_BATCH);
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('content_items')
        .values(batch)
        .returning(['id', 'metadata'])
        .execute();
      const idByKey = new Map(
        inserted.map((r) => [Number((r.metadata as { demoKey: number }).demoKey), r.id]),
      );
      const links = tags.flatMap((t) =>
        t.tags.map((slug) => ({ content_id: idByKey.get(t.key) ?? 0, tag_id: tagIdForSlug(slug) })),
      );
      if (links.length > 0)
        await trx
          .insertInto('content_tags')
          .values(links)
          .onConflict((oc) => oc.doNothing())
          .execute();
      // Demo items go through the same moderation check as any new item.
      await screenContent(
        trx,
        inserted.map((r) => r.id),
      );
    });
  }
  if (rows.length > 0) opts.log(`Created ${rows.length} demo content items`);

  const rendered = await renderMissingImages(db, storage, opts.log);
  return { created: rows.length, rendered };
}

/** Renders the images of seeded items (those carrying `metadataKey`) whose files were never stored. */
export async function renderMissingImages(
  db: Database,
  storage: StorageBackend,
  log: (m: string) => void,
  metadataKey = 'demoKey',
): Promise<number> {
  const pending = await db
    .selectFrom('content_items')
    .select(['id', 'prompt', 'seed', 'width', 'height', 'checkpoint'])
    .where(sql<boolean>`metadata ? ${metadataKey}`)
    .where('storage_key', 'is', null)
    .orderBy('id')
    .execute();
  if (pending.length === 0) return 0;
  log(`Rendering ${pending.length} demo images with thumbnails…`);
  let done = 0;
  let nextReport = Date.now() + 5_000;
  const queue = [...pending];
  const workers = Array.from({ length: RENDER_CONCURRENCY }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const painted = paintImage({
        prompt: item.prompt,
        seed: item.seed ?? 0,
        width: item.width ?? 512,
        height: item.height ?? 512,
      });
      const [png, thumbnails] = await Promise.all([
        encodePng(painted, {
          prompt: item.prompt,
          parameters: `checkpoint: ${item.checkpoint ?? ''}, seed: ${item.seed ?? ''}`,
        }),
        makeThumbnails(painted),
      ]);
      const stored = await storeImageWithThumbnails(
        storage,
        contentKeyPrefix(item.id),
        png,
        'image/png',
        thumbnails,
      );
      await db
        .updateTable('content_items')
        .set({
          storage_key: stored.storageKey,
          mime_type: stored.mimeType,
          file_size: stored.fileSize,
          thumbnails: JSON.stringify(stored.thumbnails),
        })
        .where('id', '=', item.id)
        .execute();
      done += 1;
      if (Date.now() >= nextReport) {
        log(`  ${done}/${pending.length} images`);
        nextReport = Date.now() + 5_000;
      }
    }
  });
  await Promise.all(workers);
  return done;
}

/** The numbered demo items already in the database (their `metadata[field]`), so a re-run adds only the rest. */
export async function seededKeys(db: Database, field: 'demoKey' | 'demoFlagKey'): Promise<Set<number>> {
  const rows = await db
    .selectFrom('content_items')
    .select(sql<string>`metadata->>${field}`.as('key'))
    .where(sql<boolean>`metadata ? ${field}`)
    .execute();
  return new Set(rows.map((r) => Number(r.key)));
}
