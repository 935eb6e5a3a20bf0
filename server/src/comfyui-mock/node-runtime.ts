// What each node class does when the mock runs it. Values flowing along links are small descriptions
// (which checkpoint, which text, what size) rather than tensors; KSampler spends the step time and
// reports progress, SaveImage renders real PNGs whose picture follows the positive prompt and the seed.
import type { OutputImage, Workflow } from '@genonaut/contracts';
import { maxRenderSide, renderImage } from '../images/render-image';
import { InterruptedError, NodeExecutionError, outOfMemory } from './execution-errors';
import type { ImageStore } from './image-store';
import type { ComfyType } from './node-classes';
import { pyJsonDumps } from './python-text';

interface Sample {
  text: string;
  seed: number;
}

export type MockValue =
  | { type: 'MODEL'; checkpoint: string; loras: string[] }
  | { type: 'CLIP'; checkpoint: string; loras: string[] }
  | { type: 'VAE'; checkpoint: string }
  | { type: 'CONDITIONING'; text: string }
  | { type: 'LATENT'; width: number; height: number; batch: number; sample?: Sample }
  | { type: 'IMAGE'; width: number; height: number; batch: number; sample?: Sample };

export interface RunContext {
  promptId: string;
  nodeId: string;
  /** The prompt as queued: SaveImage's hidden PROMPT input. */
  prompt: Workflow;
  extraData: Record<string, unknown>;
  store: ImageStore;
  signal: AbortSignal;
  /** Current time of one sampler step (read per step, so the slowness switch acts at once). */
  stepMs(): number;
  /** Set when this run must fail: KSampler raises after this many steps. */
  failAfterSteps?: number;
  progress(value: number, max: number): void;
}

export interface NodeOutcome {
  outputs: MockValue[];
  ui?: { images: OutputImage[] };
}

export type NodeInputs = Record<string, unknown>;

type Runtime = (inputs: NodeInputs, ctx: RunContext) => Promise<NodeOutcome>;

/** Pixels one run may render before it fails the way a GPU runs out of memory (8 × 2048², 128 × 512²). */
const maxBatchPixels = 32 * 1024 * 1024;

function linked<T extends ComfyType>(
  inputs: NodeInputs,
  name: string,
  type: T,
): Extract<MockValue, { type: T }> {
  const value = inputs[name] as MockValue | undefined;
  // Validation checked every link's type; this guards against a graph changed behind its back.
  if (value?.type !== type) throw new NodeExecutionError('TypeError', `${name}: expected ${type}`);
  return value as Extract<MockValue, { type: T }>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : String(value));
const int = (value: unknown) => (typeof value === 'number' ? Math.trunc(value) : 0);

function ensureFits(latent: { width: number; height: number; batch: number }): void {
  const { width, height, batch } = latent;
  if (width > maxRenderSide || height > maxRenderSide || width * height * batch > maxBatchPixels)
    throw outOfMemory();
}

/** Waits `ms`, or less when the run is interrupted. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export const runtimes: Record<string, Runtime> = {
  CheckpointLoaderSimple: async (inputs) => {
    const checkpoint = text(inputs.ckpt_name);
    return {
      outputs: [
        { type: 'MODEL', checkpoint, loras: [] },
        { type: 'CLIP', checkpoint, loras: [] },
        { type: 'VAE', checkpoint },
      ],
    };
  },

  LoraLoader: async (inputs) => {
    const model = linked(inputs, 'model', 'MODEL');
    const clip = linked(inputs, 'clip', 'CLIP');
    const lora = text(inputs.lora_name);
    return {
      outputs: [
        { ...model, loras: [...model.loras, lora] },
        { ...clip, loras: [...clip.loras, lora] },
      ],
    };
  },

  CLIPTextEncode: async (inputs) => ({ outputs: [{ type: 'CONDITIONING', text: text(inputs.text) }] }),

  // The latent is 1/8 of the picture, so ComfyUI's images come out at width and height rounded down to 8.
  EmptyLatentImage: async (inputs) => ({
    outputs: [
      {
        type: 'LATENT',
        width: Math.floor(int(inputs.width) / 8) * 8,
        height: Math.floor(int(inputs.height) / 8) * 8,
        batch: int(inputs.batch_size),
      },
    ],
  }),

  KSampler: async (inputs, ctx) => {
    const latent = linked(inputs, 'latent_image', 'LATENT');
    const positive = linked(inputs, 'positive', 'CONDITIONING');
    linked(inputs, 'model', 'MODEL');
    ensureFits(latent);
    const steps = int(inputs.steps);
    for (let step = 1; step <= steps; step++) {
      if (ctx.failAfterSteps === step - 1) {
        throw new NodeExecutionError(
          'RuntimeError',
          'Simulated failure: the mock was told to fail this run.',
        );
      }
      await sleep(ctx.stepMs(), ctx.signal);
      if (ctx.signal.aborted) throw new InterruptedError();
      ctx.progress(step, steps);
    }
    return { outputs: [{ ...latent, sample: { text: positive.text, seed: int(inputs.seed) } }] };
  },

  VAEDecode: async (inputs) => {
    const latent = linked(inputs, 'samples', 'LATENT');
    linked(inputs, 'vae', 'VAE');
    ensureFits(latent);
    return { outputs: [{ ...latent, type: 'IMAGE' }] };
  },

  SaveImage: async (inputs, ctx) => {
    const images = linked(inputs, 'images', 'IMAGE');
    const chunks = pngText(ctx.prompt, ctx.extraData);
    const { width, height, batch, sample } = images;
    async function* render() {
      for (let i = 0; i < batch; i++) {
        yield await renderImage({
          prompt: sample?.text ?? '',
          seed: (sample?.seed ?? 0) + i,
          width,
          height,
          text: chunks,
        });
      }
    }
    const saved = await ctx.store.saveImages(text(inputs.filename_prefix), { width, height }, render());
    return { outputs: [], ui: { images: saved } };
  },
};

/**
 * SaveImage's metadata: `prompt` (the API graph) and one chunk per extra_data.extra_pnginfo entry, as
 * ComfyUI writes them. A client sending no UI workflow still gets a `workflow` chunk (the API graph), so
 * every image carries both chunks the spec promises.
 */
function pngText(prompt: Workflow, extraData: Record<string, unknown>): Record<string, string> {
  const api = pyJsonDumps(prompt);
  const chunks: Record<string, string> = { prompt: api };
  const extra = extraData.extra_pnginfo;
  if (typeof extra === 'object' && extra !== null && !Array.isArray(extra)) {
    for (const [key, value] of Object.entries(extra)) chunks[key] = pyJsonDumps(value);
  }
  chunks.workflow ??= api;
  return chunks;
}
