import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePng, paintImage, renderImage } from '../images/render-image';
import { LocalStorage } from './local-storage';
import { makeThumbnails, storeImageWithThumbnails, thumbnailSizes } from './thumbnails';

async function solid(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .toFormat(format)
    .toBuffer();
}

describe('makeThumbnails', () => {
  it('makes WebP thumbnails with the right long side, keeping the aspect ratio', async () => {
    const thumbs = await makeThumbnails(await solid(2000, 1500, 'jpeg'));
    for (const [size, long] of Object.entries(thumbnailSizes)) {
      const t = thumbs[size as keyof typeof thumbnailSizes];
      expect(Math.max(t.width, t.height), size).toBe(long);
      expect(t.width / t.height).toBeCloseTo(2000 / 1500, 1);
      const meta = await sharp(t.data).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([t.width, t.height]);
    }
  });

  it('does not enlarge small originals', async () => {
    const thumbs = await makeThumbnails(await renderImage({ prompt: 'x', seed: 1, width: 512, height: 768 }));
    expect([thumbs.small.width, thumbs.small.height]).toEqual([171, 256]);
    expect([thumbs.medium.width, thumbs.medium.height]).toEqual([341, 512]);
    expect([thumbs.large.width, thumbs.large.height]).toEqual([512, 768]);
  });

  it('makes the same sizes from raw pixels as from the encoded image', async () => {
    const painted = paintImage({ prompt: 'a lighthouse', seed: 9, width: 1200, height: 800 });
    const fromRaw = await makeThumbnails(painted);
    const fromPng = await makeThumbnails(await encodePng(painted));
    for (const size of ['small', 'medium', 'large'] as const) {
      expect([fromRaw[size].width, fromRaw[size].height]).toEqual([
        fromPng[size].width,
        fromPng[size].height,
      ]);
    }
    expect([fromRaw.large.width, fromRaw.large.height]).toEqual([1024, 683]);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(makeThumbnails(Buffer.from('hello'))).rejects.toThrow();
  });
});

describe('storeImageWithThumbnails', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'genonaut-thumbs-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores the original and three thumbnails and describes them', async () => {
    const storage = new LocalStorage(root);
    const png = await renderImage({ prompt: 'a fox', seed: 3, width: 512, height: 768 });
    const stored = await storeImageWithThumbnails(storage, 'content/ab/cd/42', png, 'image/png');
    expect(stored).toMatchObject({
      storageKey: 'content/ab/cd/42/original.png',
      mimeType: 'image/png',
      fileSize: png.length,
      width: 512,
      height: 768,
      thumbnails: {
        small: { key: 'content/ab/cd/42/small.webp', width: 171, height: 256 },
        medium: { key: 'content/ab/cd/42/medium.webp', width: 341, height: 512 },
        large: { key: 'content/ab/cd/42/large.webp', width: 512, height: 768 },
      },
    });
    expect(await storage.get(stored.storageKey)).toEqual(png);
    for (const t of Object.values(stored.thumbnails)) {
      const data = await storage.get(t.key);
      expect(data?.length).toBe(t.bytes);
      expect((await sharp(data ?? Buffer.alloc(0)).metadata()).format).toBe('webp');
    }
  });

  it('stores thumbnails made beforehand without making them again', async () => {
    const storage = new LocalStorage(root);
    const painted = paintImage({ prompt: 'a fox', seed: 4, width: 300, height: 200 });
    const [png, thumbs] = await Promise.all([encodePng(painted), makeThumbnails(painted)]);
    const stored = await storeImageWithThumbnails(storage, 'c/1', png, 'image/png', thumbs);
    expect(stored.thumbnails.small).toEqual({
      key: 'c/1/small.webp',
      width: 256,
      height: 171,
      bytes: thumbs.small.data.length,
    });
    expect(await storage.get('c/1/large.webp')).toEqual(thumbs.large.data);
  });

  it('names the original after what the bytes are, not what was claimed', async () => {
    const storage = new LocalStorage(root);
    const stored = await storeImageWithThumbnails(storage, 'up/1', await solid(40, 30, 'jpeg'), 'image/png');
    expect(stored.storageKey).toBe('up/1/original.jpg');
    expect(stored.mimeType).toBe('image/jpeg');
  });

  it('refuses a bad prefix or a non-image before writing anything', async () => {
    const storage = new LocalStorage(root);
    const png = await solid(8, 8, 'png');
    await expect(storeImageWithThumbnails(storage, '../x', png, 'image/png')).rejects.toThrow(
      /invalid storage key/,
    );
    await expect(
      storeImageWithThumbnails(storage, 'ok', Buffer.from('<svg/>'), 'image/png'),
    ).rejects.toThrow();
    expect(await storage.exists('ok/original.png')).toBe(false);
  });
});
