// Generation parameters for one demo item, drawn from a seeded RNG so every run makes the same data.
import type { CheckpointEntry, LoraEntry } from '../catalogue';
import { pick, type Rng } from '../vocabulary/compose-prompt';

export const samplers = [
  'euler',
  'euler_ancestral',
  'dpmpp_2m',
  'dpmpp_2m_sde',
  'dpmpp_3m_sde',
  'ddim',
  'uni_pc',
];
export const schedulers = ['normal', 'karras', 'exponential', 'sgm_uniform'];

// Demo images are rendered at these sizes (SD 1.5 sizes, and SDXL/FLUX sizes at half scale) to keep the
// first start quick; the stored width and height are the image's real size.
const sizesByArchitecture: Record<string, [number, number][]> = {
  sd1: [
    [512, 768],
    [768, 512],
    [512, 512],
    [576, 768],
  ],
  sdxl: [
    [416, 608],
    [512, 512],
    [608, 416],
    [448, 576],
  ],
};

export interface DemoParams {
  checkpoint: string;
  loras: { name: string; strengthModel: number; strengthClip: number }[];
  seed: number;
  steps: number;
  cfg: number;
  sampler: string;
  scheduler: string;
  denoise: number;
  width: number;
  height: number;
}

export function drawParams(rng: Rng, checkpoints: CheckpointEntry[], loras: LoraEntry[]): DemoParams {
  const checkpoint = pick(rng, checkpoints);
  const compatible = loras.filter((l) => l.compatibleArchitectures.includes(checkpoint.architecture));
  const loraCount = compatible.length === 0 ? 0 : Math.floor(rng() * 3);
  const chosen = [...compatible].sort(() => rng() - 0.5).slice(0, loraCount);
  const [width, height] = pick(
    rng,
    sizesByArchitecture[checkpoint.architecture] ?? sizesByArchitecture.sdxl ?? [[512, 512]],
  );
  return {
    checkpoint: checkpoint.filename,
    loras: chosen.map((l) => ({
      name: l.filename,
      strengthModel: l.recommendedStrength,
      strengthClip: l.recommendedStrength,
    })),
    seed: Math.floor(rng() * 2 ** 32),
    steps: 20 + Math.floor(rng() * 21),
    cfg: Math.round((4.5 + rng() * 4.5) * 10) / 10,
    sampler: pick(rng, samplers),
    scheduler: pick(rng, schedulers),
    denoise: 1,
    width,
    height,
  };
}
