// Serving an item's original or a thumbnail. The file is found from the item's row by id and size, never
// from anything the client names, and only when the viewer may see the item.
import { createHash } from 'node:crypto';
import type { ImageSize } from '@genonaut/contracts';
import { notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import type { StorageBackend } from '../../storage/storage';
import { findVisibleImage, type ImageRow } from './content-items.repository';
import type { ContentReadDeps } from './content-items.service';

export interface ImageDeps extends ContentReadDeps {
  storage: StorageBackend;
}

interface ImageHeaders {
  etag: string;
  cacheControl: string;
}

export type ImageResult =
  | ({ notModified: true } & ImageHeaders)
  | ({
      notModified: false;
      stream: NodeJS.ReadableStream;
      size: number;
      contentType: string;
      filename: string;
    } & ImageHeaders);

// The same URL changes meaning when an item turns private, so public images are cached for a day rather
// than forever; private ones are revalidated on every use and kept out of shared caches.
const publicCache = 'public, max-age=86400';
const privateCache = 'private, no-cache';

const imageNotFound = () => notFound('Image');

type StoredThumbnails = Partial<Record<string, { key?: unknown; bytes?: unknown }>>;

function fileOf(row: ImageRow, size: ImageSize): { key: string; bytes: number | null; type: string } | null {
  if (size === 'original') {
    if (!row.storage_key) return null;
    return { key: row.storage_key, bytes: row.file_size, type: row.mime_type ?? 'application/octet-stream' };
  }
  const thumbnail = (row.thumbnails as StoredThumbnails | null)?.[size];
  if (typeof thumbnail?.key !== 'string') return null;
  // Thumbnails are always WebP (see storage/thumbnails.ts).
  return {
    key: thumbnail.key,
    bytes: typeof thumbnail.bytes === 'number' ? thumbnail.bytes : null,
    type: 'image/webp',
  };
}

/** Strong: a key's bytes never change while the row's updated_at stays the same. */
function etagOf(key: string, bytes: number | null, updatedAt: Date): string {
  const hash = createHash('sha256')
    .update(`${key}\n${bytes ?? ''}\n${updatedAt.toISOString()}`)
    .digest('base64url')
    .slice(0, 27);
  return `"${hash}"`;
}

/** RFC 9110: If-None-Match compares weakly, so `W/"x"` matches `"x"`; `*` matches anything. */
function matchesAny(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export async function openImage(
  deps: ImageDeps,
  viewer: AuthUser | null,
  id: number,
  size: ImageSize,
  ifNoneMatch: string | undefined,
): Promise<ImageResult> {
  const row = await findVisibleImage(deps.db, id, viewer, deps.hideThreshold);
  if (!row) throw notFound('Content');
  const file = fileOf(row, size);
  if (!file) throw imageNotFound();
  const headers: ImageHeaders = {
    etag: etagOf(file.key, file.bytes, row.updated_at),
    cacheControl: row.public_view ? publicCache : privateCache,
  };
  if (matchesAny(ifNoneMatch, headers.etag)) return { notModified: true, ...headers };
  const stored = await deps.storage.stream(file.key);
  if (!stored) throw imageNotFound();
  const extension = file.key.slice(file.key.lastIndexOf('.') + 1);
  return {
    notModified: false,
    ...headers,
    stream: stored.stream,
    size: stored.size,
    contentType: file.type,
    filename: `${id}-${size}.${extension}`,
  };
}
