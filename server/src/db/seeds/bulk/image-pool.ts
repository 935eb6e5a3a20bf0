// A handful of real images (one per size the generator draws) that every bulk item points at, so the
// benchmark gallery serves real files and thumbnails without rendering a million pictures.
import type { StorageBackend } from '../../../storage/storage';
import { makeThumbnails, storeImageWithThumbnails } from '../../../storage/thumbnails';
import { encodePng, paintImage } from '../../../images/render-image';

export interface PooledImage {
  storageKey: string;
  mimeType: string;
  fileSize: number;
  /** The thumbnails column as JSON text. */
  thumbnailsJson: string;
}

/** Stores one image per `WxH` size under `bench-pool/<w>x<h>/`; returns them keyed by `WxH`. */
export async function storeImagePool(
  storage: StorageBackend,
  sizes: readonly (readonly [number, number])[],
): Promise<Map<string, PooledImage>> {
  const pool = new Map<string, PooledImage>();
  for (const [width, height] of sizes) {
    const key = `${width}x${height}`;
    if (pool.has(key)) continue;
    const painted = paintImage({
      prompt: `benchmark pool ${key}`,
      seed: width * 7919 + height,
      width,
      height,
    });
    const [png, thumbnails] = await Promise.all([encodePng(painted, {}), makeThumbnails(painted)]);
    const stored = await storeImageWithThumbnails(storage, `bench-pool/${key}`, png, 'image/png', thumbnails);
    pool.set(key, {
      storageKey: stored.storageKey,
      mimeType: stored.mimeType,
      fileSize: stored.fileSize,
      thumbnailsJson: JSON.stringify(stored.thumbnails),
    });
  }
  return pool;
}
