import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { crc32, readPngChunks } from './png-text';
import { paintImage, readPngTextChunks, renderImage } from './render-image';

const prompt = 'watercolor painting of a red fox curled up in the grass, golden hour light';

describe('renderImage', () => {
  it('produces a PNG of the requested size', async () => {
    for (const [width, height] of [
      [512, 768],
      [832, 1216],
      [64, 64],
      [100, 37],
    ] as const) {
      const png = await renderImage({ prompt, seed: 1, width, height });
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect([meta.width, meta.height]).toEqual([width, height]);
    }
  });

  it('is deterministic and depends on seed and prompt', async () => {
    const base = { prompt, seed: 42, width: 256, height: 384 };
    const a = await renderImage(base);
    expect((await renderImage(base)).equals(a)).toBe(true);
    expect((await renderImage({ ...base, seed: 43 })).equals(a)).toBe(false);
    expect((await renderImage({ ...base, seed: 42 + 2 ** 40 })).equals(a)).toBe(false);
    expect((await renderImage({ ...base, prompt: `${prompt}, neon` })).equals(a)).toBe(false);
  });

  it('encodes exactly the painted pixels', async () => {
    const opts = { prompt, seed: 5, width: 96, height: 64 };
    const decoded = await sharp(await renderImage(opts))
      .raw()
      .toBuffer();
    expect(decoded.equals(paintImage(opts).pixels)).toBe(true);
  });

  it('uses every composition across varied prompts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++)
      seen.add(paintImage({ prompt: `p${i}`, seed: i, width: 8, height: 8 }).composition);
    expect([...seen].sort()).toEqual(['blocks', 'landscape', 'orbs', 'rings', 'waves']);
  });

  it('paints a picture, not a flat colour', async () => {
    for (let seed = 0; seed < 10; seed++) {
      const png = await renderImage({ prompt: `prompt number ${seed}`, seed, width: 128, height: 192 });
      const stats = await sharp(png).stats();
      const spread = Math.max(...stats.channels.map((c) => c.stdev));
      expect(spread, `seed ${seed}`).toBeGreaterThan(8);
    }
  });

  it('writes text chunks that round-trip and that libpng accepts', async () => {
    const text = {
      prompt: JSON.stringify({ '3': { class_type: 'KSampler', inputs: { seed: 7 } } }),
      workflow: '{"nodes":[],"links":[]}',
      comment: 'café au lait, 東京の夜 🌙',
    };
    const png = await renderImage({ prompt, seed: 7, width: 64, height: 96, text });
    expect(readPngTextChunks(png)).toEqual(text);
    const types = readPngChunks(png).map((c) => c.type);
    expect(types[0]).toBe('IHDR');
    expect(types.slice(1, 4)).toEqual(['tEXt', 'tEXt', 'iTXt']);
    // libvips reads the chunks back through libpng, which checks the CRCs.
    const comments = (await sharp(png).metadata()).comments ?? [];
    expect(comments.find((c) => c.keyword === 'workflow')?.text).toBe(text.workflow);
    expect((await sharp(png).raw().toBuffer()).length).toBe(64 * 96 * 3);
  });

  it('refuses bad sizes and bad keywords', async () => {
    await expect(renderImage({ prompt, seed: 1, width: 0, height: 10 })).rejects.toThrow(RangeError);
    await expect(renderImage({ prompt, seed: 1, width: 10.5, height: 10 })).rejects.toThrow(RangeError);
    await expect(renderImage({ prompt, seed: 1, width: 8, height: 8, text: { '': 'x' } })).rejects.toThrow(
      /keyword/,
    );
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
