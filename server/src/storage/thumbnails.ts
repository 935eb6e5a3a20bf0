// WebP thumbnails at three sizes (long side), and storing an original together with them. The record
// storeImageWithThumbnails returns is what content_items keeps (storage_key, file_size, width, height,
// mime_type, and the thumbnails jsonb).
import sharp, { type Sharp } from 'sharp';
import { assertValidStorageKey, extensionForMime, type StorageBackend } from './storage';

export const thumbnailSizes = { small: 256, medium: 512, large: 1024 } as const;

export type ThumbnailSize = keyof typeof thumbnailSizes;

export const thumbnailSizeNames = Object.keys(thumbnailSizes) as ThumbnailSize[];

/** Decoded pixels, e.g. from the image renderer; lets thumbnails skip decoding the original. */
export interface RawImage {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** The bytes are not an image we store (callers answer 400 rather than 500). */
export class UnsupportedImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedImageError';
  }
}

export interface Thumbnail {
  data: Buffer;
  width: number;
  height: number;
}

export interface StoredThumbnail {
  key: string;
  width: number;
  height: number;
  bytes: number;
}

export interface StoredImage {
  storageKey: string;
  /** Detected from the bytes, which is what the file really is whatever the sender claimed. */
  mimeType: string;
  fileSize: number;
  width: number;
  height: number;
  thumbnails: Record<ThumbnailSize, StoredThumbnail>;
}

// Quality 80 is the usual sweet spot for WebP. Effort 1 (of 0–6) encodes about twice as fast as the
// default 4 for files ~35% larger; thousands of thumbnails are made on a first start.
const webpOptions = { quality: 80, effort: 1 } as const;

const formatMimes: Partial<Record<string, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heif: 'image/avif',
};

function load(source: Buffer | RawImage): Sharp {
  if (Buffer.isBuffer(source)) return sharp(source).autoOrient();
  const { pixels, width, height, channels } = source;
  return sharp(pixels, { raw: { width, height, channels } });
}

async function thumbnail(source: Buffer | RawImage, longSide: number): Promise<Thumbnail> {
  // Each size decodes an encoded original again: that lets libvips shrink JPEGs while decoding, and for
  // PNGs the decode costs less than keeping a raw copy around.
  const { data, info } = await load(source)
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .webp(webpOptions)
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Thumbnails whose long side is at most the size's; smaller originals are not enlarged. The three are
 * encoded in parallel on libuv's thread pool.
 */
export async function makeThumbnails(source: Buffer | RawImage): Promise<Record<ThumbnailSize, Thumbnail>> {
  const [small, medium, large] = await Promise.all(
    thumbnailSizeNames.map((size) => thumbnail(source, thumbnailSizes[size])),
  );
  if (!small || !medium || !large) throw new Error('thumbnail generation returned too few images');
  return { small, medium, large };
}

/**
 * Stores `original` as `<keyPrefix>/original.<ext>` and its thumbnails as `<keyPrefix>/<size>.webp`.
 * `mime` is the sender's claim; the stored type comes from the bytes, and bytes that are not a supported
 * image are refused before anything is written. Pass `thumbnails` when they were already made (e.g. from
 * the renderer's raw pixels, in parallel with the PNG encode).
 */
export async function storeImageWithThumbnails(
  storage: StorageBackend,
  keyPrefix: string,
  original: Buffer,
  mime: string,
  thumbnails?: Record<ThumbnailSize, Thumbnail>,
): Promise<StoredImage> {
  assertValidStorageKey(keyPrefix);
  const meta = await sharp(original)
    .metadata()
    .catch(() => {
      throw new UnsupportedImageError(`not a readable image (declared ${mime})`);
    });
  const mimeType = formatMimes[meta.format] ?? mime;
  const ext = extensionForMime(mimeType);
  if (ext === undefined || formatMimes[meta.format] === undefined) {
    throw new UnsupportedImageError(`unsupported image format '${meta.format}' (declared ${mime})`);
  }
  const thumbs = thumbnails ?? (await makeThumbnails(original));
  const storageKey = `${keyPrefix}/original.${ext}`;
  const entries = thumbnailSizeNames.map(
    (size) => [size, thumbs[size], `${keyPrefix}/${size}.webp`] as const,
  );
  await Promise.all([
    storage.put(storageKey, original, mimeType),
    ...entries.map(([, t, key]) => storage.put(key, t.data, 'image/webp')),
  ]);
  return {
    storageKey,
    mimeType,
    fileSize: original.length,
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    thumbnails: Object.fromEntries(
      entries.map(([size, t, key]) => [
        size,
        { key, width: t.width, height: t.height, bytes: t.data.length },
      ]),
    ) as Record<ThumbnailSize, StoredThumbnail>,
  };
}
