// Palettes for the abstract renderer. The prompt decides the family (a hash picks a base hue and harmony;
// words like "neon", "sepia" or "pastel" bend it), the seed only nudges it, so one prompt rendered with
// several seeds looks like a series, as it would from a real model.
import type { Rgb } from './canvas';

export type Harmony = 'analogous' | 'complementary' | 'triadic' | 'split' | 'mono';

export interface Palette {
  /** Background gradient stops, top to bottom. */
  sky: Rgb[];
  /** Colours for shapes and layers, roughly far to near. */
  shapes: Rgb[];
  /** A bright accent (sun, highlights). */
  accent: Rgb;
  /** Dark scenes get stars and lighter shapes. */
  dark: boolean;
}

interface Bias {
  pattern: RegExp;
  hue?: [number, number];
  harmony?: Harmony;
  sat?: number;
  satScale?: number;
  light?: number;
}

// First matching hue wins; saturation and lightness adjustments accumulate.
const biases: Bias[] = [
  { pattern: /neon|cyberpunk|synthwave|vaporwave/, hue: [285, 325], harmony: 'complementary', sat: 0.9 },
  { pattern: /sepia/, hue: [28, 40], harmony: 'mono', satScale: 0.45 },
  { pattern: /nebula|cosmic|galaxy|outer space|alien planet|starship/, hue: [245, 290], light: -0.12 },
  { pattern: /golden hour|sunset|setting sun|warm|candle|autumn|desert|dune|fire|ember/, hue: [12, 45] },
  {
    pattern: /moonlight|blue hour|cool|winter|snow|frozen|ice|underwater|ocean|the sea|night/,
    hue: [195, 235],
  },
  { pattern: /forest|jungle|meadow|moss|garden|grove|bamboo|solarpunk|wildflower/, hue: [80, 140] },
  { pattern: /peon|cherry|blossom|rose|pink|petal/, hue: [330, 355] },
  { pattern: /black and white|charcoal|graphite|pencil sketch|etching/, harmony: 'mono', satScale: 0.05 },
  { pattern: /monochrome|ink wash|sumi-e/, harmony: 'mono', satScale: 0.35 },
  { pattern: /pastel/, satScale: 0.6, light: 0.18 },
  { pattern: /vibrant|saturated|pop art|teal and orange/, sat: 0.88 },
  { pattern: /muted|desaturated|earth tones|faded|fresco/, satScale: 0.5 },
  { pattern: /dark|gothic|horror|eerie|ominous|noir|chiaroscuro|starlight/, light: -0.16 },
  { pattern: /joyful|bright|sunny|whimsical|sunlit/, light: 0.08 },
];

export function hslToRgb(h: number, s: number, l: number): Rgb {
  const hue = (((h % 360) + 360) % 360) / 60;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs((hue % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    hue < 1
      ? [c, x, 0]
      : hue < 2
        ? [x, c, 0]
        : hue < 3
          ? [0, c, x]
          : hue < 4
            ? [0, x, c]
            : hue < 5
              ? [x, 0, c]
              : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

const harmonies: Harmony[] = ['analogous', 'complementary', 'triadic', 'split', 'analogous'];

function hueOffsets(harmony: Harmony): number[] {
  switch (harmony) {
    case 'analogous':
      return [0, 25, -25, 50, -10];
    case 'complementary':
      return [0, 180, 10, 190, -15];
    case 'triadic':
      return [0, 120, 240, 15, 135];
    case 'split':
      return [0, 150, 210, 20, 165];
    case 'mono':
      return [0, 4, -4, 8, -8];
  }
}

const clampUnit = (v: number) => Math.min(0.97, Math.max(0.03, v));

/** `promptRng` depends only on the prompt; `seedRng` on prompt and seed. */
export function buildPalette(prompt: string, promptRng: () => number, seedRng: () => number): Palette {
  const text = prompt.toLowerCase();
  let hue = promptRng() * 360;
  let harmony = harmonies[Math.floor(promptRng() * harmonies.length)] ?? 'analogous';
  let sat = 0.45 + promptRng() * 0.3;
  let light = 0.42 + promptRng() * 0.16;
  let hueFixed = false;
  for (const bias of biases) {
    if (!bias.pattern.test(text)) continue;
    if (bias.hue && !hueFixed) {
      hue = bias.hue[0] + promptRng() * (bias.hue[1] - bias.hue[0]);
      hueFixed = true;
    }
    if (bias.harmony) harmony = bias.harmony;
    if (bias.sat !== undefined) sat = bias.sat;
    if (bias.satScale !== undefined) sat *= bias.satScale;
    if (bias.light !== undefined) light += bias.light;
  }
  hue += (seedRng() - 0.5) * 24;
  light = Math.min(0.8, Math.max(0.18, light));
  const dark = light < 0.34;

  const offsets = hueOffsets(harmony);
  const shapes = offsets.map((offset, i) =>
    hslToRgb(
      hue + offset,
      clampUnit(sat * (0.8 + seedRng() * 0.4)),
      clampUnit(light + (i - 2) * 0.07 + (seedRng() - 0.5) * 0.1),
    ),
  );
  const skyHue = hue + (offsets[1] ?? 0) * 0.3;
  const sky = [
    hslToRgb(skyHue - 15, clampUnit(sat * 0.8), clampUnit(light - 0.22)),
    hslToRgb(skyHue, clampUnit(sat * 0.7), clampUnit(light + 0.05)),
    hslToRgb(skyHue + 20, clampUnit(sat * 0.6), clampUnit(light + 0.28)),
  ];
  const accent = hslToRgb(hue + (offsets[3] ?? 30), clampUnit(sat * 1.3 + 0.1), clampUnit(light + 0.35));
  return { sky, shapes, accent, dark };
}
