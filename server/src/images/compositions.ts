// The five abstract compositions. Each paints a whole canvas from a palette and a seeded generator; the
// prompt chooses which one (see pickComposition), so related prompts share a family resemblance.
import {
  drawCircle,
  fillBelowCurve,
  fillLinearGradient,
  fillRect,
  mix,
  type Canvas,
  type Rgb,
} from './canvas';
import type { Palette } from './palette';

export type Rng = () => number;
export type CompositionName = 'landscape' | 'waves' | 'orbs' | 'rings' | 'blocks';

const compositionWords: [CompositionName, RegExp][] = [
  ['blocks', /geometric|bauhaus|art deco|cubis|mosaic|stained glass|flat design|vector|pixel|voxel|low poly/],
  ['blocks', /isometric|pop art|screen print|minimal|patterns|collage|papercraft/],
  ['waves', /\bsea\b|ocean|wave|underwater|reef|surf|whale|canal|river|lake|breach/],
  ['landscape', /landscape|mountain|valley|desert|dune|coast|cliff|forest|meadow|field|skyline|city|ruins/],
  ['landscape', /temple|castle|panorama|lighthouse|horizon|planet|pass\b/],
  ['rings', /portrait|face|eyes|flower|bouquet|peon|mandala|symmetr|nebula|sun\b|moon|spirit|spellbook/],
];

const allCompositions: CompositionName[] = ['landscape', 'waves', 'orbs', 'rings', 'blocks'];

/** Mostly follows the prompt's words, sometimes surprises, so the gallery is not too predictable. */
export function pickComposition(prompt: string, promptRng: Rng): CompositionName {
  const text = prompt.toLowerCase();
  const matched = [...new Set(compositionWords.filter(([, re]) => re.test(text)).map(([name]) => name))];
  const roll = promptRng();
  const pool = matched.length === 0 || roll < 0.2 ? allCompositions : matched;
  return pool[Math.floor(promptRng() * pool.length)] ?? 'orbs';
}

const pickColor = (rng: Rng, colors: Rgb[]): Rgb =>
  colors[Math.floor(rng() * colors.length)] ?? [128, 128, 128];

/** Smooth 1D fractal noise in [-1, 1]: a few octaves of cosine-interpolated random values. */
function ridgeNoise(rng: Rng, width: number, octaves: number, baseCells: number): Float32Array {
  const out = new Float32Array(width);
  let amp = 1;
  let total = 0;
  for (let o = 0, cells = baseCells; o < octaves; o++, cells *= 2, amp *= 0.5) {
    const knots = Array.from({ length: cells + 2 }, () => rng() * 2 - 1);
    for (let x = 0; x < width; x++) {
      const pos = (x / width) * cells;
      const k = Math.floor(pos);
      const t = (1 - Math.cos((pos - k) * Math.PI)) / 2;
      out[x] = (out[x] ?? 0) + ((knots[k] ?? 0) * (1 - t) + (knots[k + 1] ?? 0) * t) * amp;
    }
    total += amp;
  }
  for (let x = 0; x < width; x++) out[x] = (out[x] ?? 0) / total;
  return out;
}

function stars(canvas: Canvas, rng: Rng, count: number, maxY: number): void {
  for (let i = 0; i < count; i++) {
    const r = 0.6 + rng() * rng() * 1.6;
    drawCircle(canvas, rng() * canvas.width, rng() * maxY, r, [255, 250, 235], {
      kind: 'disc',
      alpha: 0.4 + rng() * 0.6,
    });
  }
}

function landscape(canvas: Canvas, palette: Palette, rng: Rng): void {
  const { width: w, height: h } = canvas;
  fillLinearGradient(canvas, Math.PI / 2, palette.sky);
  const horizon = h * (0.45 + rng() * 0.2);
  if (palette.dark) stars(canvas, rng, Math.round((w * h) / 2500), horizon);
  const sunR = Math.min(w, h) * (0.06 + rng() * 0.1);
  const sunX = w * (0.15 + rng() * 0.7);
  const sunY = horizon - h * (0.05 + rng() * 0.25);
  drawCircle(canvas, sunX, sunY, sunR * 4, palette.accent, { kind: 'glow', alpha: 0.55 });
  drawCircle(canvas, sunX, sunY, sunR, palette.accent, { kind: 'disc', alpha: 0.95, edge: 1.5 });
  const layers = 3 + Math.floor(rng() * 3);
  const haze = palette.sky[2] ?? palette.accent;
  const stack: Layer[] = [];
  for (let i = 0; i < layers; i++) {
    const depth = i / Math.max(1, layers - 1);
    const base = horizon + (h - horizon) * depth * 0.6;
    const amp = h * (0.18 - depth * 0.1) * (0.6 + rng() * 0.8);
    const noise = ridgeNoise(rng, w, 4, 2 + Math.floor(rng() * 4));
    const tops = new Float32Array(w);
    for (let x = 0; x < w; x++) tops[x] = base - Math.abs(noise[x] ?? 0) * amp * 1.6 + amp * 0.2;
    // Far layers fade into the haze of the horizon: cheap aerial perspective.
    const top = mix(pickColor(rng, palette.shapes), haze, 0.55 * (1 - depth));
    stack.push({ tops, top, bottom: mix(top, [0, 0, 0], 0.35 + depth * 0.2) });
  }
  drawLayers(canvas, stack);
}

interface Layer {
  tops: Float32Array;
  top: Rgb;
  bottom: Rgb;
}

/** Back to front; each layer stops where the next (opaque) one begins. */
function drawLayers(canvas: Canvas, stack: Layer[]): void {
  stack.forEach((layer, i) =>
    fillBelowCurve(canvas, layer.tops, layer.top, layer.bottom, stack[i + 1]?.tops),
  );
}

function waves(canvas: Canvas, palette: Palette, rng: Rng): void {
  const { width: w, height: h } = canvas;
  fillLinearGradient(canvas, Math.PI / 2 + (rng() - 0.5) * 0.4, palette.sky);
  const moonR = Math.min(w, h) * (0.08 + rng() * 0.08);
  drawCircle(canvas, w * (0.2 + rng() * 0.6), h * (0.12 + rng() * 0.2), moonR, palette.accent, {
    kind: 'disc',
    alpha: 0.9,
    edge: 1.5,
  });
  const bands = 5 + Math.floor(rng() * 5);
  const start = h * (0.3 + rng() * 0.2);
  const stack: Layer[] = [];
  for (let i = 0; i < bands; i++) {
    const base = start + ((h - start) * i) / bands;
    const freq1 = (1 + rng() * 3) * ((2 * Math.PI) / w);
    const freq2 = (3 + rng() * 5) * ((2 * Math.PI) / w);
    const phase1 = rng() * 6.3;
    const phase2 = rng() * 6.3;
    const amp = h * (0.015 + rng() * 0.04);
    const tops = new Float32Array(w);
    for (let x = 0; x < w; x++) {
      tops[x] = base + Math.sin(x * freq1 + phase1) * amp + Math.sin(x * freq2 + phase2) * amp * 0.35;
    }
    const color = palette.shapes[(i + Math.floor(rng() * 2)) % palette.shapes.length] ?? palette.accent;
    stack.push({ tops, top: mix(color, palette.accent, 0.15), bottom: mix(color, [0, 0, 0], 0.3) });
  }
  drawLayers(canvas, stack);
}

function orbs(canvas: Canvas, palette: Palette, rng: Rng): void {
  const { width: w, height: h } = canvas;
  fillLinearGradient(canvas, rng() * Math.PI * 2, palette.sky);
  const m = Math.min(w, h);
  if (palette.dark) stars(canvas, rng, Math.round((w * h) / 4000), h);
  const count = 5 + Math.floor(rng() * 9);
  for (let i = 0; i < count; i++) {
    const r = m * (0.05 + rng() * rng() * 0.4);
    const cx = rng() * w;
    const cy = rng() * h;
    const color = pickColor(rng, palette.shapes);
    const roll = rng();
    if (roll < 0.25) drawCircle(canvas, cx, cy, r * 2.2, color, { kind: 'glow', alpha: 0.7 });
    else if (roll < 0.4)
      drawCircle(canvas, cx, cy, r, color, { kind: 'ring', alpha: 0.8, thickness: 2 + r * 0.08 });
    else
      drawCircle(canvas, cx, cy, r, color, {
        kind: 'disc',
        alpha: 0.45 + rng() * 0.5,
        edge: 1 + rng() * r * 0.2,
      });
  }
  drawCircle(canvas, w * (0.3 + rng() * 0.4), h * (0.3 + rng() * 0.4), m * 0.1, palette.accent, {
    kind: 'glow',
    alpha: 0.8,
  });
}

function rings(canvas: Canvas, palette: Palette, rng: Rng): void {
  const { width: w, height: h, data } = canvas;
  fillLinearGradient(canvas, Math.PI / 2, palette.sky);
  const cx = w * (0.3 + rng() * 0.4);
  const cy = h * (0.3 + rng() * 0.4);
  const spacing = Math.min(w, h) * (0.03 + rng() * 0.05);
  const maxR = Math.hypot(w, h) * (0.35 + rng() * 0.3);
  const wobbleX = new Float32Array(w);
  const wobbleY = new Float32Array(h);
  const fx = (1 + rng() * 4) / w;
  const fy = (1 + rng() * 4) / h;
  const wob = spacing * rng() * 0.9;
  for (let x = 0; x < w; x++) wobbleX[x] = Math.sin(x * fx * 6.283 + 1.3) * wob;
  for (let y = 0; y < h; y++) wobbleY[y] = Math.sin(y * fy * 6.283) * wob;
  // Flat colour table with the first colour repeated, so ring k blends table[k % n] into table[k % n + 1].
  const n = palette.shapes.length;
  const table = new Float32Array((n + 1) * 3);
  [...palette.shapes, palette.shapes[0] ?? palette.accent].forEach((c, i) => table.set(c, i * 3));
  const invSpacing = 1 / spacing;
  const sharpness = spacing * 0.7;
  const fade = 0.85 / maxR;
  for (let y = 0; y < h; y++) {
    const dy = y + 0.5 - cy;
    const dy2 = dy * dy;
    const wy = wobbleY[y] ?? 0;
    for (let x = 0, p = y * w * 3; x < w; x++, p += 3) {
      const dx = x + 0.5 - cx;
      const d = Math.sqrt(dx * dx + dy2);
      if (d > maxR) continue;
      const pos = (d + (wobbleX[x] ?? 0) + wy) * invSpacing;
      const k = Math.floor(pos);
      const edge = Math.min(1, (1 - (pos - k)) * sharpness);
      const i = (((k % n) + n) % n) * 3;
      const alpha = 0.85 - d * fade;
      const r0 = table[i + 3] ?? 0;
      const g0 = table[i + 4] ?? 0;
      const b0 = table[i + 5] ?? 0;
      const r = data[p] ?? 0;
      const g = data[p + 1] ?? 0;
      const b = data[p + 2] ?? 0;
      data[p] = r + (r0 + ((table[i] ?? 0) - r0) * edge - r) * alpha;
      data[p + 1] = g + (g0 + ((table[i + 1] ?? 0) - g0) * edge - g) * alpha;
      data[p + 2] = b + (b0 + ((table[i + 2] ?? 0) - b0) * edge - b) * alpha;
    }
  }
  drawCircle(canvas, cx, cy, spacing * 1.5, palette.accent, { kind: 'disc', alpha: 0.95, edge: 1.5 });
}

function blocks(canvas: Canvas, palette: Palette, rng: Rng): void {
  const { width: w, height: h } = canvas;
  fillLinearGradient(canvas, Math.PI / 2, [
    palette.sky[2] ?? palette.accent,
    palette.sky[1] ?? palette.accent,
  ]);
  const cols = 2 + Math.floor(rng() * 4);
  const size = w / cols;
  const rows = Math.ceil(h / size);
  const colors = [...palette.shapes, palette.accent];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const x0 = col * size;
      const y0 = row * size;
      if (rng() < 0.6) fillRect(canvas, x0, y0, x0 + size, y0 + size, pickColor(rng, colors));
      const color = pickColor(rng, colors);
      const motif = Math.floor(rng() * 5);
      const corner = Math.floor(rng() * 4);
      const ccx = x0 + (corner & 1 ? size : 0);
      const ccy = y0 + (corner & 2 ? size : 0);
      if (motif === 0)
        drawCircle(canvas, x0 + size / 2, y0 + size / 2, size * 0.38, color, { kind: 'disc', alpha: 1 });
      else if (motif === 1) quarter(canvas, ccx, ccy, size, x0, y0, color);
      else if (motif === 2) {
        const stripes = 3 + Math.floor(rng() * 4);
        for (let s = 0; s < stripes; s += 2) {
          fillRect(canvas, x0, y0 + (s * size) / stripes, x0 + size, y0 + ((s + 1) * size) / stripes, color);
        }
      } else if (motif === 3) {
        drawCircle(canvas, x0 + size / 2, y0 + size / 2, size * 0.3, color, {
          kind: 'ring',
          alpha: 1,
          thickness: size * 0.1,
        });
      }
    }
  }
}

/** A quarter disc centred on a cell corner, clipped to the cell. */
function quarter(
  canvas: Canvas,
  cx: number,
  cy: number,
  size: number,
  x0: number,
  y0: number,
  color: Rgb,
): void {
  const { width, height, data } = canvas;
  const xa = Math.max(0, Math.round(x0));
  const xb = Math.min(width, Math.round(x0 + size));
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y0 + size)); y++) {
    const dy = y + 0.5 - cy;
    for (let x = xa, p = (y * width + xa) * 3; x < xb; x++, p += 3) {
      const dx = x + 0.5 - cx;
      const cover = Math.min(1, Math.max(0, size - Math.sqrt(dx * dx + dy * dy) + 0.5));
      if (cover <= 0) continue;
      for (let c = 0; c < 3; c++)
        data[p + c] = (data[p + c] ?? 0) + ((color[c] ?? 0) - (data[p + c] ?? 0)) * cover;
    }
  }
}

export const compositions: Record<CompositionName, (canvas: Canvas, palette: Palette, rng: Rng) => void> = {
  landscape,
  waves,
  orbs,
  rings,
  blocks,
};
