// Admin edits of the tag hierarchy. Each write and its audit row commit together.
import type { CreateTagBody, FieldError, TagDetail, UpdateTagBody } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { conflict, DomainError, invalid, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.repository';
import { RESERVED_TAG_SLUGS, slugify } from './tag-slug';
import { withDescendants } from './tag-tree.repository';
import {
  deleteTag,
  existingTagIds,
  insertTag,
  parentIds,
  replaceParents,
  updateTag,
} from './tag-writes.repository';
import { findTagBySlug, tagRefs } from './tags.repository';
import { getTagDetail, requireTag, type TagReadDeps } from './tags.service';

const uuidShaped = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface PgError {
  code?: string;
  constraint?: string;
}
const pgErrorOf = (error: unknown): PgError => (error instanceof Error ? (error as PgError) : {});

function chooseSlug(body: CreateTagBody): string {
  const slug = body.slug ?? slugify(body.name);
  if (!slug) throw invalid('body.slug', 'cannot be derived from the name; send a slug');
  // `GET /tags/:id` (id or slug) could never reach these: a static path or an id would answer instead.
  if (RESERVED_TAG_SLUGS.has(slug)) throw invalid('body.slug', `"${slug}" is reserved; choose another`);
  if (uuidShaped.test(slug)) throw invalid('body.slug', 'must not look like a tag id');
  return slug;
}

const slugTaken = (slug: string) =>
  conflict(`A tag with the slug "${slug}" already exists`, [{ field: 'body.slug', message: 'is taken' }]);

async function assertParentsExist(db: Database, ids: string[]): Promise<void> {
  const existing = await existingTagIds(db, ids);
  const unknown = ids.filter((id) => !existing.has(id));
  if (unknown.length > 0) throw invalid('body.parentIds', `unknown tags: ${unknown.join(', ')}`);
}

/** The cycle trigger (tag_parents_no_cycle) refused an edge: name the parents that sit below the tag. */
async function cycleConflict(db: Database, tag: { id: string; name: string }, requested: string[]) {
  const below = new Set(await withDescendants(db, [tag.id]));
  const culprits = await tagRefs(
    db,
    requested.filter((id) => below.has(id)),
  );
  const names = culprits.map((t) => `"${t.name}"`).join(', ') || 'one of the parents';
  const details: FieldError[] = [
    { field: 'body.parentIds', message: `${names} ${culprits.length === 1 ? 'is' : 'are'} below this tag` },
  ];
  return new DomainError(
    'conflict',
    `"${tag.name}" cannot be placed under ${names}: ${culprits.length === 1 ? 'it is' : 'they are'} already below it, which would make a cycle`,
    details,
  );
}

export async function createTag(
  deps: TagReadDeps,
  admin: AuthUser,
  body: CreateTagBody,
  ip: string,
): Promise<TagDetail> {
  const { db } = deps;
  const slug = chooseSlug(body);
  const parents = body.parentIds ?? [];
  await assertParentsExist(db, parents);
  if (await findTagBySlug(db, slug)) throw slugTaken(slug);
  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      const tag = await insertTag(trx, { slug, name: body.name, description: body.description ?? null });
      // A new tag has no children yet, so no parent set can close a cycle here.
      await replaceParents(trx, tag.id, parents);
      await recordAudit(trx, {
        actorId: admin.id,
        action: 'admin.tag_create',
        targetType: 'tag',
        targetId: tag.id,
        ip,
        details: { slug, name: body.name, parentIds: parents },
      });
      return tag.id;
    });
  } catch (error) {
    // Two admins creating the same slug at once: the loser gets the same answer as above.
    if (pgErrorOf(error).code === '23505') throw slugTaken(slug);
    throw error;
  }
  return getTagDetail(deps, admin, id);
}

export async function editTag(
  deps: TagReadDeps,
  admin: AuthUser,
  id: string,
  body: UpdateTagBody,
  ip: string,
): Promise<TagDetail> {
  const { db } = deps;
  await db.transaction().execute(async (trx) => {
    const before = await requireTag(trx, id);
    await updateTag(trx, id, body);
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'admin.tag_update',
      targetType: 'tag',
      targetId: id,
      ip,
      details: { before: { name: before.name, description: before.description }, after: body },
    });
  });
  return getTagDetail(deps, admin, id);
}

/** Children keep their other parents; a child left without one becomes a root (no edge, no row). */
export async function removeTag(db: Database, admin: AuthUser, id: string, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const parentsBefore = await parentIds(trx, id);
    const removed = await deleteTag(trx, id);
    if (!removed) throw notFound('Tag');
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'admin.tag_delete',
      targetType: 'tag',
      targetId: id,
      ip,
      details: { slug: removed.slug, name: removed.name, parentIds: parentsBefore },
    });
  });
}

/** Replaces the whole parent set at once, so a failed edge (a cycle) leaves the old set untouched. */
export async function setParents(
  deps: TagReadDeps,
  admin: AuthUser,
  id: string,
  requested: string[],
  ip: string,
): Promise<TagDetail> {
  const { db } = deps;
  const tag = await requireTag(db, id);
  if (requested.includes(id)) {
    throw conflict(`"${tag.name}" cannot be its own parent`, [
      { field: 'body.parentIds', message: 'contains the tag itself' },
    ]);
  }
  await assertParentsExist(db, requested);
  try {
    await db.transaction().execute(async (trx) => {
      const before = await parentIds(trx, id);
      await replaceParents(trx, id, requested);
      await recordAudit(trx, {
        actorId: admin.id,
        action: 'admin.tag_parents',
        targetType: 'tag',
        targetId: id,
        ip,
        details: { before, after: requested },
      });
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg.code === '23514' && pg.constraint === 'tag_parents_no_cycle') {
      throw await cycleConflict(db, tag, requested);
    }
    throw error;
  }
  return getTagDetail(deps, admin, id);
}
