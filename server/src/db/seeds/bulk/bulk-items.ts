// Rows of the benchmark dataset, one chunk of items at a time: each item with a composed prompt and
// generation parameters, its prompt's tags plus Zipf-drawn tags, and its ratings, bookmarks and
// interactions. Counters (rating_avg/count, bookmark_count) are computed here, as the triggers would.
import { composePrompt, type Rng } from '../vocabulary/compose-prompt';
import { createRng } from '../../../lib/rng';
import type { CheckpointEntry, LoraEntry } from '../catalogue';
import { drawParams } from '../demo/demo-params';
import { drawStars, geometricGap, poisson, skewedIndex, tagInclusion } from './bulk-distributions';
import type { BulkTag } from './bulk-tags';
import { copyValue as v } from './copy-writer';
import type { PooledImage } from './image-pool';

export const itemColumns = [
  'id',
  'source',
  'creator_id',
  'title',
  'prompt',
  'negative_prompt',
  'checkpoint',
  'loras',
  'seed',
  'steps',
  'cfg',
  'sampler',
  'scheduler',
  'denoise',
  'width',
  'height',
  'storage_key',
  'mime_type',
  'file_size',
  'thumbnails',
  'quality_score',
  'rating_avg',
  'rating_count',
  'bookmark_count',
  'is_private',
  'moderation_status',
  'risk_score',
  'created_at',
  'updated_at',
] as const;
export const ratingColumns = ['user_id', 'content_id', 'rating', 'created_at', 'updated_at'] as const;
export const interactionColumns = ['user_id', 'content_id', 'type', 'created_at'] as const;
export const bookmarkColumns = ['user_id', 'content_id', 'created_at', 'updated_at'] as const;

const SPAN_MS = 730 * 86_400_000;
const interactionTypes = [
  'view',
  'view',
  'view',
  'view',
  'view',
  'view',
  'view',
  'like',
  'like',
  'download',
  'share',
];

export interface ItemPlan {
  items: number;
  firstId: number;
  seed: number;
  userIds: string[];
  tags: BulkTag[];
  /** Mean tags per item drawn by popularity, on top of the prompt's own tags. */
  zipfTagsPerItem: number;
  ratingsPerItem: number;
  interactionsPerItem: number;
  bookmarksPerItem: number;
  checkpoints: CheckpointEntry[];
  loras: LoraEntry[];
  images: Map<string, PooledImage>;
  now: Date;
}

export interface ChunkRows {
  items: string[];
  tags: string[];
  ratings: string[];
  interactions: string[];
  bookmarks: string[];
}

export class ItemGenerator {
  private readonly rng: Rng;
  private readonly inclusion: number[];
  private readonly nextPick: Float64Array;
  private readonly tagIndex: Map<string, number>;

  constructor(private readonly plan: ItemPlan) {
    this.rng = createRng(plan.seed);
    this.inclusion = tagInclusion(plan.tags.length, plan.zipfTagsPerItem);
    this.nextPick = Float64Array.from(this.inclusion, (p) => geometricGap(this.rng, p) - 1);
    this.tagIndex = new Map(plan.tags.map((t, i) => [t.slug, i]));
  }

  /** Rows of items [start, end) (0-based item numbers); chunks must be asked for in order. */
  chunk(start: number, end: number): ChunkRows {
    const picked: number[][] = Array.from({ length: end - start }, () => []);
    for (let t = 0; t < this.inclusion.length; t++) {
      let at = this.nextPick[t] ?? Number.POSITIVE_INFINITY;
      const p = this.inclusion[t] ?? 0;
      for (; at < end; at += geometricGap(this.rng, p)) picked[at - start]?.push(t);
      this.nextPick[t] = at;
    }
    const out: ChunkRows = { items: [], tags: [], ratings: [], interactions: [], bookmarks: [] };
    for (let i = start; i < end; i++) this.item(i, picked[i - start] ?? [], out);
    return out;
  }

  private item(i: number, zipfTags: number[], out: ChunkRows): void {
    const { plan, rng } = this;
    const id = plan.firstId + i;
    const composed = composePrompt(rng);
    const params = drawParams(rng, plan.checkpoints, plan.loras);
    const created = plan.now.getTime() - ((plan.items - 1 - i) / plan.items) * SPAN_MS - rng() * 3_600_000;
    const createdAt = new Date(created).toISOString();
    const users = plan.userIds;

    const tagSet = new Set(zipfTags);
    for (const slug of composed.tags) {
      const t = this.tagIndex.get(slug);
      if (t !== undefined) tagSet.add(t);
    }
    for (const t of tagSet) out.tags.push(`${id}\t${plan.tags[t]?.id}`);

    let stars = 0;
    const raters = distinctUsers(rng, users.length, poisson(rng, plan.ratingsPerItem));
    for (const u of raters) {
      const s = drawStars(rng);
      stars += s;
      const at = new Date(created + rng() * (plan.now.getTime() - created)).toISOString();
      out.ratings.push(`${users[u]}\t${id}\t${s}\t${at}\t${at}`);
    }
    const bookmarkers = distinctUsers(rng, users.length, poisson(rng, plan.bookmarksPerItem));
    for (const u of bookmarkers) {
      const at = new Date(created + rng() * (plan.now.getTime() - created)).toISOString();
      out.bookmarks.push(`${users[u]}\t${id}\t${at}\t${at}`);
    }
    for (let k = poisson(rng, plan.interactionsPerItem); k > 0; k--) {
      const type = interactionTypes[Math.floor(rng() * interactionTypes.length)];
      const at = new Date(created + rng() * (plan.now.getTime() - created)).toISOString();
      out.interactions.push(`${users[skewedIndex(rng, users.length)]}\t${id}\t${type}\t${at}`);
    }

    const image = plan.images.get(`${params.width}x${params.height}`);
    const hidden = rng() < 0.001;
    const ratingAvg = raters.length > 0 ? Math.round((stars / raters.length) * 100) / 100 : 0;
    out.items.push(
      [
        id,
        rng() < 0.65 ? 'regular' : 'auto',
        users[skewedIndex(rng, users.length)],
        v(composed.title),
        v(composed.prompt),
        v(composed.negativePrompt),
        v(params.checkpoint),
        v(JSON.stringify(params.loras)),
        params.seed,
        params.steps,
        params.cfg,
        params.sampler,
        params.scheduler,
        params.denoise,
        params.width,
        params.height,
        v(image?.storageKey),
        v(image?.mimeType),
        v(image?.fileSize),
        image ? v(image.thumbnailsJson) : '{}',
        Math.round((0.35 + rng() * 0.65) * 1000) / 1000,
        ratingAvg,
        raters.length,
        bookmarkers.length,
        rng() < 0.08 ? 't' : 'f',
        hidden ? 'pending' : 'clear',
        hidden ? 90 : 0,
        createdAt,
        createdAt,
      ].join('\t'),
    );
  }
}

/** `count` distinct indexes below `total`, skewed towards active users. */
function distinctUsers(rng: Rng, total: number, count: number): number[] {
  const out: number[] = [];
  for (let tries = 0; out.length < Math.min(count, total) && tries < count * 4; tries++) {
    const u = skewedIndex(rng, total);
    if (!out.includes(u)) out.push(u);
  }
  return out;
}
