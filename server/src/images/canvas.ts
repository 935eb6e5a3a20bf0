// A minimal floating-point RGB canvas with the few anti-aliased primitives the abstract renderer needs.
// Plain loops over a typed array are what keeps a 512×768 picture in the low milliseconds.

export type Rgb = readonly [number, number, number];

export interface Canvas {
  width: number;
  height: number;
  /** RGB triplets, 0–255, row-major. */
  data: Float32Array;
}

export function createCanvas(width: number, height: number): Canvas {
  return { width, height, data: new Float32Array(width * height * 3) };
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** 256 colours evenly interpolated through the stops, so gradients cost one table lookup per pixel. */
function gradientTable(stops: readonly Rgb[]): Float32Array {
  const lut = new Float32Array(256 * 3);
  const segments = Math.max(1, stops.length - 1);
  for (let i = 0; i < 256; i++) {
    const pos = (i / 255) * segments;
    const k = Math.min(segments - 1, Math.floor(pos));
    const from = stops[k] ?? [0, 0, 0];
    const c = mix(from, stops[k + 1] ?? from, pos - k);
    lut.set(c, i * 3);
  }
  return lut;
}

/** Fills the whole canvas with a linear gradient through `stops` along `angle` (radians, 0 = left→right). */
export function fillLinearGradient(canvas: Canvas, angle: number, stops: readonly Rgb[]): void {
  const { width, height, data } = canvas;
  const lut = gradientTable(stops);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const corners = [0, width * cos, height * sin, width * cos + height * sin];
  const min = Math.min(...corners);
  const scale = 255 / Math.max(1e-6, Math.max(...corners) - min);
  let p = 0;
  for (let y = 0; y < height; y++) {
    const base = y * sin - min;
    for (let x = 0; x < width; x++, p += 3) {
      const i = (((x * cos + base) * scale) | 0) * 3;
      data[p] = lut[i] ?? 0;
      data[p + 1] = lut[i + 1] ?? 0;
      data[p + 2] = lut[i + 2] ?? 0;
    }
  }
}

function blend(data: Float32Array, p: number, color: Rgb, a: number): void {
  data[p] = (data[p] ?? 0) + (color[0] - (data[p] ?? 0)) * a;
  data[p + 1] = (data[p + 1] ?? 0) + (color[1] - (data[p + 1] ?? 0)) * a;
  data[p + 2] = (data[p + 2] ?? 0) + (color[2] - (data[p + 2] ?? 0)) * a;
}

export interface CircleStyle {
  /** 'disc' is solid with a soft rim; 'glow' fades from the centre; 'ring' is an annulus. */
  kind: 'disc' | 'glow' | 'ring';
  alpha: number;
  /** Width of the anti-aliased edge in pixels (disc, ring). */
  edge?: number;
  /** Ring thickness in pixels. */
  thickness?: number;
}

export function drawCircle(
  canvas: Canvas,
  cx: number,
  cy: number,
  r: number,
  color: Rgb,
  style: CircleStyle,
) {
  const { width, height, data } = canvas;
  const edge = Math.max(0.5, style.edge ?? 1);
  const half = (style.thickness ?? 2) / 2;
  const reach = r + edge + (style.kind === 'ring' ? half : 0);
  const x0 = Math.max(0, Math.floor(cx - reach));
  const x1 = Math.min(width - 1, Math.ceil(cx + reach));
  const y0 = Math.max(0, Math.floor(cy - reach));
  const y1 = Math.min(height - 1, Math.ceil(cy + reach));
  const invEdge = 1 / edge;
  const invR = 1 / Math.max(1e-6, r);
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - cy;
    const dy2 = dy * dy;
    let p = (y * width + x0) * 3;
    for (let x = x0; x <= x1; x++, p += 3) {
      const dx = x + 0.5 - cx;
      const d = Math.sqrt(dx * dx + dy2);
      let cover: number;
      if (style.kind === 'disc') cover = clamp01((r - d) * invEdge + 0.5);
      else if (style.kind === 'ring') cover = clamp01((half - Math.abs(d - r)) * invEdge + 0.5);
      else {
        const f = 1 - d * invR;
        cover = f > 0 ? f * f : 0;
      }
      if (cover > 0) blend(data, p, color, cover * style.alpha);
    }
  }
}

/**
 * Fills everything below the curve `tops[x]` (one y per column), shading from `top` at the curve's highest
 * point to `bottom` at the canvas bottom. The topmost pixel of each column gets fractional coverage.
 * `until[x]`, when given, stops the fill in that column at a row a later opaque layer will cover anyway,
 * which saves most of the overdraw of stacked layers.
 */
export function fillBelowCurve(
  canvas: Canvas,
  tops: Float32Array,
  top: Rgb,
  bottom: Rgb,
  until?: Float32Array,
) {
  const { width, height, data } = canvas;
  let highest = height;
  for (let x = 0; x < width; x++) highest = Math.min(highest, tops[x] ?? height);
  const span = Math.max(1, height - highest);
  const start = Math.max(0, Math.floor(highest));
  for (let y = start; y < height; y++) {
    const [r, g, b] = mix(top, bottom, (y - highest) / span);
    for (let x = 0, p = y * width * 3; x < width; x++, p += 3) {
      const edge = tops[x] ?? height;
      if (y < edge - 1 || (until !== undefined && y > (until[x] ?? height) + 1)) continue;
      const cover = y < edge ? 1 - (edge - y) : 1;
      if (cover >= 1) {
        data[p] = r;
        data[p + 1] = g;
        data[p + 2] = b;
      } else if (cover > 0) {
        blend(data, p, [r, g, b], cover);
      }
    }
  }
}

/** Axis-aligned rectangle, used by the geometric composition for its cells and stripes. */
export function fillRect(
  canvas: Canvas,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: Rgb,
  alpha = 1,
) {
  const { width, height, data } = canvas;
  const xa = Math.max(0, Math.round(x0));
  const xb = Math.min(width, Math.round(x1));
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y1)); y++) {
    for (let x = xa, p = (y * width + xa) * 3; x < xb; x++, p += 3) blend(data, p, color, alpha);
  }
}

/**
 * Converts to 8-bit RGB with a vignette. No dithering: it hid a little banding but made PNGs 60% larger
 * and slower to encode, and thousands of demo originals have to fit on a laptop.
 */
export function toRgb8(canvas: Canvas, vignette: number): Buffer {
  const { width, height, data } = canvas;
  const out = Buffer.allocUnsafe(width * height * 3);
  // A clamped view rounds and clamps on assignment, which is faster than doing it by hand.
  const view = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  const col = new Float32Array(width);
  for (let x = 0; x < width; x++) col[x] = 2 * vignette * ((x + 0.5) / width - 0.5) ** 2;
  let p = 0;
  for (let y = 0; y < height; y++) {
    const row = 1 - 2 * vignette * ((y + 0.5) / height - 0.5) ** 2;
    for (let x = 0; x < width; x++, p += 3) {
      const f = row - (col[x] ?? 0);
      view[p] = (data[p] ?? 0) * f;
      view[p + 1] = (data[p + 1] ?? 0) * f;
      view[p + 2] = (data[p + 2] ?? 0) * f;
    }
  }
  return out;
}
