// The text-to-image graph the mock is built around (checkpoint → LoRA → prompts → latent → sampler →
// decode → save), in ComfyUI's API format with its usual node ids. Tests of the mock and of its clients
// start from it and change one thing at a time.
import type { Workflow } from '@genonaut/contracts';

export interface ExampleWorkflowOptions {
  checkpoint: string;
  lora: string;
  positive?: string;
  negative?: string;
  seed?: number;
  steps?: number;
  width?: number;
  height?: number;
  batchSize?: number;
  filenamePrefix?: string;
}

/** Node ids in the order the mock executes them. */
export const exampleExecutionOrder = ['4', '10', '6', '7', '5', '3', '8', '9'];

export function exampleWorkflow(options: ExampleWorkflowOptions): Workflow {
  return {
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: options.checkpoint } },
    '10': {
      class_type: 'LoraLoader',
      inputs: {
        model: ['4', 0],
        clip: ['4', 1],
        lora_name: options.lora,
        strength_model: 0.8,
        strength_clip: 0.8,
      },
    },
    '6': {
      class_type: 'CLIPTextEncode',
      inputs: { text: options.positive ?? 'a lighthouse on a cliff at dusk', clip: ['10', 1] },
    },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: options.negative ?? 'blurry', clip: ['10', 1] } },
    '5': {
      class_type: 'EmptyLatentImage',
      inputs: {
        width: options.width ?? 64,
        height: options.height ?? 48,
        batch_size: options.batchSize ?? 1,
      },
    },
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: options.seed ?? 42,
        steps: options.steps ?? 4,
        cfg: 7,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: 1,
        model: ['10', 0],
        positive: ['6', 0],
        negative: ['7', 0],
        latent_image: ['5', 0],
      },
    },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
    '9': {
      class_type: 'SaveImage',
      inputs: { filename_prefix: options.filenamePrefix ?? 'genonaut/job-12', images: ['8', 0] },
    },
  };
}
