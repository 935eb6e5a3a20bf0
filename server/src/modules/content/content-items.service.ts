// One content item: upload, read, edit and delete, with who may do what. Private items answer 404 to
// everyone but their owner (and admins, who may open anything by id), so an id reveals nothing; a visible
// item that is not yours answers 403 to a change.
import type { ContentDetail, UpdateContentBody } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { forbidden, invalid, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import type { StorageBackend } from '../../storage/storage';
import { contentKeyPrefix } from '../../storage/storage';
import { makeThumbnails, storeImageWithThumbnails, UnsupportedImageError } from '../../storage/thumbnails';
import { recordAudit } from '../audit/audit.repository';
import { screenContent } from '../moderation/moderation-screen.repository';
import { resolveTagRefs } from '../tags/tag-tree.repository';
import {
  deleteContent,
  findVisibleRef,
  insertUploadedContent,
  replaceContentTags,
  setStoredImage,
  updateContentFields,
  type ItemRef,
} from './content-items.repository';
import { toContentDetail } from './content.mapper';
import { removeStoredFiles } from './stored-files';
import { findVisibleDetail, tagsOfContent } from './content.repository';

export interface ContentReadDeps {
  db: Database;
  hideThreshold: number;
}

export interface ContentDeps extends ContentReadDeps {
  storage: StorageBackend;
  /** Asks for a cleanup run soon; false when the queue is unreachable (the daily run catches up). */
  requestCleanup: () => Promise<boolean>;
  warn: (message: string) => void;
}

export interface UploadedFile {
  data: Buffer;
  filename: string;
  mimetype: string;
}

export interface CreateContentInput {
  file: UploadedFile;
  title: string;
  prompt: string;
  tagSlugs: string[];
  isPrivate: boolean;
}

/** Trimmed, lower-cased (slugs are), blanks and repeats dropped. */
export const normalizeTagRefs = (refs: string[]): string[] => [
  ...new Set(refs.map((s) => s.trim().toLowerCase()).filter(Boolean)),
];

/** A comma list of tags (`a, b,,B` → `['a', 'b']`). */
export const parseTagList = (value: string | undefined): string[] =>
  normalizeTagRefs(value?.split(',') ?? []);

const contentNotFound = () => notFound('Content');
const notAnImage = () =>
  invalid('body.file', 'is not an image we can store (send PNG, JPEG, WebP, GIF or AVIF)');

/** Tag ids for slugs (or ids); unknown ones are a 400 that names them. */
async function tagIdsFor(db: Database, refs: string[]): Promise<string[]> {
  const { found, missing } = await resolveTagRefs(db, refs);
  if (missing.length > 0) throw invalid('body.tags', `unknown tags: ${missing.join(', ')}`);
  return [...new Set(found.map((t) => t.id))];
}

function assertMayChange(caller: AuthUser, item: ItemRef): void {
  if (caller.role !== 'admin' && item.creator_id !== caller.id) {
    throw forbidden('Only the owner or an administrator can change this item');
  }
}

const actsForSomeoneElse = (caller: AuthUser, item: ItemRef) =>
  caller.role === 'admin' && item.creator_id !== caller.id;

/**
 * A StorageBackend that remembers every key it was asked to write, so a failed upload can be undone.
 * `settled()` waits for writes still in flight (one failed write does not stop its siblings), so the
 * undo does not run before a late write lands.
 */
function recordingWrites(storage: StorageBackend) {
  const written: string[] = [];
  const pending: Promise<void>[] = [];
  const recording: StorageBackend = {
    put: (key, data, contentType) => {
      written.push(key);
      const write = storage.put(key, data, contentType);
      pending.push(write);
      return write;
    },
    get: (key) => storage.get(key),
    stream: (key) => storage.stream(key),
    delete: (key) => storage.delete(key),
    exists: (key) => storage.exists(key),
  };
  return { storage: recording, written, settled: () => Promise.allSettled(pending) };
}

export async function getContent(
  deps: ContentReadDeps,
  viewer: AuthUser | null,
  id: number,
): Promise<ContentDetail> {
  // The tags are read alongside; they are only returned once the item proved visible.
  const [row, tags] = await Promise.all([
    findVisibleDetail(deps.db, id, viewer, deps.hideThreshold),
    tagsOfContent(deps.db, id),
  ]);
  if (!row) throw contentNotFound();
  const privileged = viewer !== null && (viewer.role === 'admin' || viewer.id === row.creator_id);
  return toContentDetail(row, tags, { withViewer: viewer !== null, showModeration: privileged });
}

/**
 * The row is inserted and the files stored inside one transaction: until it commits nobody sees an item
 * without its image, a failed store rolls the row back, and a failed commit removes the stored files.
 */
export async function createContent(
  deps: ContentDeps,
  caller: AuthUser,
  input: CreateContentInput,
): Promise<ContentDetail> {
  const tagIds = await tagIdsFor(deps.db, input.tagSlugs);
  // Decoding and resizing happen before the transaction, so it holds a connection only for the writes.
  const thumbnails = await makeThumbnails(input.file.data).catch(() => {
    throw notAnImage();
  });
  const recording = recordingWrites(deps.storage);
  let id: number;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const newId = await insertUploadedContent(trx, {
        creatorId: caller.id,
        title: input.title,
        prompt: input.prompt,
        isPrivate: input.isPrivate,
      });
      await replaceContentTags(trx, newId, tagIds);
      const stored = await storeImageWithThumbnails(
        recording.storage,
        contentKeyPrefix(newId),
        input.file.data,
        input.file.mimetype,
        thumbnails,
      );
      await setStoredImage(trx, newId, stored);
      // Checked in the same transaction, so a risky upload is never briefly visible to others.
      await screenContent(trx, [newId]);
      return newId;
    });
  } catch (error) {
    await recording.settled();
    await removeStoredFiles(deps, recording.written, 'a failed upload');
    if (error instanceof UnsupportedImageError) throw notAnImage();
    throw error;
  }
  return getContent(deps, caller, id);
}

export async function updateContent(
  deps: ContentReadDeps,
  caller: AuthUser,
  id: number,
  body: UpdateContentBody,
  ip: string,
): Promise<ContentDetail> {
  if (body.prompt !== undefined) {
    throw invalid('body.prompt', 'is immutable: an item keeps the prompt it was made with');
  }
  const item = await findVisibleRef(deps.db, id, caller, deps.hideThreshold);
  if (!item) throw contentNotFound();
  assertMayChange(caller, item);
  const tagIds = body.tags ? await tagIdsFor(deps.db, normalizeTagRefs(body.tags)) : undefined;
  await deps.db.transaction().execute(async (trx) => {
    await updateContentFields(trx, id, { title: body.title, isPrivate: body.isPrivate });
    if (tagIds) await replaceContentTags(trx, id, tagIds);
    if (body.title !== undefined && body.title !== item.title) await screenContent(trx, [id]);
    if (actsForSomeoneElse(caller, item)) {
      await recordAudit(trx, {
        actorId: caller.id,
        action: 'admin.content_update',
        targetType: 'content',
        targetId: String(id),
        ip,
        details: { creatorId: item.creator_id, changes: body },
      });
    }
  });
  return getContent(deps, caller, id);
}

/** Deletes the row (a trigger queues its files) and asks for a cleanup run to remove them soon. */
export async function deleteContentItem(
  deps: ContentDeps,
  caller: AuthUser,
  id: number,
  ip: string,
): Promise<void> {
  const item = await findVisibleRef(deps.db, id, caller, deps.hideThreshold);
  if (!item) throw contentNotFound();
  assertMayChange(caller, item);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteContent(trx, id))) throw contentNotFound();
    if (actsForSomeoneElse(caller, item)) {
      await recordAudit(trx, {
        actorId: caller.id,
        action: 'admin.content_delete',
        targetType: 'content',
        targetId: String(id),
        ip,
        details: { creatorId: item.creator_id, title: item.title },
      });
    }
  });
  await deps.requestCleanup();
}
