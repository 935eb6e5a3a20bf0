// Stand-in picture generator for demo data and the ComfyUI mock: a real PNG at the requested size whose
// abstract picture follows the prompt (palette and composition) and the seed (arrangement), with optional
// PNG text chunks like the ones ComfyUI writes. Same inputs always give the same bytes.
import sharp from 'sharp';
import { createCanvas, toRgb8 } from './canvas';
import { compositions, pickComposition, type CompositionName } from './compositions';
import { createRng } from '../lib/rng';
import { buildPalette } from './palette';
import { insertPngTextChunks } from './png-text';

export { readPngTextChunks } from './png-text';

export interface RenderImageOptions {
  prompt: string;
  seed: number;
  width: number;
  height: number;
  /** Written as PNG text chunks (ComfyUI uses `prompt` and `workflow`). */
  text?: Record<string, string>;
}

/** Largest side accepted: the API allows 2048; the headroom lets a mock be asked for more without failing. */
export const maxRenderSide = 4096;

function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Folds a seed beyond 32 bits (ComfyUI seeds go up to 2^64) into 32 bits, keeping both halves' influence. */
function foldSeed(seed: number): number {
  const s = Number.isFinite(seed) ? Math.abs(Math.trunc(seed)) : 0;
  const low = s % 4294967296;
  const high = Math.floor(s / 4294967296) % 4294967296;
  return (low ^ Math.imul(high, 0x9e3779b1) ^ (seed < 0 ? 0x5bd1e995 : 0)) >>> 0;
}

export interface PaintedImage {
  /** 8-bit RGB, row-major. */
  pixels: Buffer;
  width: number;
  height: number;
  channels: 3;
  composition: CompositionName;
}

/**
 * The picture as raw pixels, before PNG encoding. Callers that also make thumbnails can encode the PNG
 * and the thumbnails from these pixels in parallel instead of decoding the PNG again.
 */
export function paintImage(opts: Omit<RenderImageOptions, 'text'>): PaintedImage {
  const { prompt, width, height } = opts;
  for (const [name, v] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > maxRenderSide) {
      throw new RangeError(`${name} must be an integer from 1 to ${maxRenderSide}, got ${v}`);
    }
  }
  const promptHash = hashString(prompt);
  const promptRng = createRng(promptHash);
  const seedRng = createRng(promptHash ^ foldSeed(opts.seed) ^ 0x2545f491);
  const palette = buildPalette(prompt, promptRng, seedRng);
  const composition = pickComposition(prompt, promptRng);
  const canvas = createCanvas(width, height);
  compositions[composition](canvas, palette, seedRng);
  const pixels = toRgb8(canvas, 0.25 + promptRng() * 0.35);
  return { pixels, width, height, channels: 3, composition };
}

/** PNG of painted pixels, with optional text chunks. */
export async function encodePng(image: PaintedImage, text?: Record<string, string>): Promise<Buffer> {
  const { pixels, width, height } = image;
  // Level 3 (sharp's default is 6), no adaptive filtering: ~30% less encode time for files ~20% larger;
  // encoding is a large share of the time the demo seed spends per image.
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toBuffer();
  return text && Object.keys(text).length > 0 ? insertPngTextChunks(png, text) : png;
}

export async function renderImage(opts: RenderImageOptions): Promise<Buffer> {
  return encodePng(paintImage(opts), opts.text);
}
