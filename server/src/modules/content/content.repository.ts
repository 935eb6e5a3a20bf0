// Shared reads of content items: the card columns (with the creator and, for a signed-in viewer, their
// bookmark and rating) used by the gallery, item pages and similar items.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/types';
import type { DetailRow, SummaryRow } from './content.mapper';
import { visibleTo, type Viewer } from './content-visibility';

type From = DB & { c: DB['content_items']; u: DB['users'] };

/** The columns of a gallery card, from `content_items as c` joined to `users as u`. */
export function selectSummary<O>(qb: SelectQueryBuilder<From, 'c' | 'u', O>, viewerId: string | null) {
  return qb
    .select([
      'c.id',
      'c.title',
      'c.source',
      'c.content_type',
      'c.creator_id',
      'u.username as creator_username',
      'u.display_name as creator_display_name',
      'c.created_at',
      'c.is_private',
      'c.width',
      'c.height',
      'c.checkpoint',
      'c.quality_score',
      'c.rating_avg',
      'c.rating_count',
      'c.bookmark_count',
      'c.storage_key',
      'c.thumbnails',
      sql<string>`left(c.prompt, 200)`.as('prompt_preview'),
    ])
    .$if(viewerId !== null, (q) =>
      q.select([
        sql<
          string | null
        >`(SELECT b.id FROM bookmarks b WHERE b.user_id = ${viewerId} AND b.content_id = c.id)`.as(
          'viewer_bookmark_id',
        ),
        sql<
          number | null
        >`(SELECT r.rating FROM content_ratings r WHERE r.user_id = ${viewerId} AND r.content_id = c.id)`.as(
          'viewer_rating',
        ),
      ]),
    );
}

export function contentFrom(db: Database) {
  return db.selectFrom('content_items as c').innerJoin('users as u', 'u.id', 'c.creator_id');
}

export async function findVisibleDetail(
  db: Database,
  id: number,
  viewer: Viewer | null,
  hideThreshold: number,
): Promise<DetailRow | undefined> {
  const row = await selectSummary(contentFrom(db), viewer?.id ?? null)
    .select([
      'c.prompt',
      'c.negative_prompt',
      'c.loras',
      'c.seed',
      'c.steps',
      'c.cfg',
      'c.sampler',
      'c.scheduler',
      'c.denoise',
      'c.generation_job_id',
      'c.output_index',
      'c.mime_type',
      'c.file_size',
      'c.updated_at',
      'c.moderation_status',
      'c.risk_score',
    ])
    .where('c.id', '=', id)
    .where(visibleTo(viewer, hideThreshold, { byIdForAdmin: true }))
    .executeTakeFirst();
  return row;
}

export function tagsOfContent(db: Database, contentId: number) {
  return db
    .selectFrom('content_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('ct.content_id', '=', contentId)
    .orderBy('t.name')
    .execute();
}

export type { SummaryRow };
