// Builds ComfyUI's API-format workflow for one generation job:
// CheckpointLoaderSimple → LoraLoader chain → CLIPTextEncode (positive, negative) → EmptyLatentImage →
// KSampler → VAEDecode → SaveImage (prefix genonaut/job-<id>, so outputs are traceable to the job).
import type { Workflow } from '@genonaut/contracts';
import type { ImageRequest } from '../image-backends/image-backend';

export type WorkflowParams = ImageRequest;

export const SAVE_NODE = '9';
export const SAMPLER_NODE = '6';

export function buildWorkflow(p: WorkflowParams): Workflow {
  const workflow: Workflow = {
    '1': {
      class_type: 'CheckpointLoaderSimple',
      inputs: { ckpt_name: p.checkpoint },
      _meta: { title: 'Load Checkpoint' },
    },
  };
  // Each LoRA takes the previous model and clip; the chain's last link feeds the sampler and encoders.
  let model: [string, number] = ['1', 0];
  let clip: [string, number] = ['1', 1];
  p.loras.forEach((lora, i) => {
    const id = `lora${i + 1}`;
    workflow[id] = {
      class_type: 'LoraLoader',
      inputs: {
        model,
        clip,
        lora_name: lora.name,
        strength_model: lora.strengthModel,
        strength_clip: lora.strengthClip,
      },
      _meta: { title: `LoRA ${i + 1}` },
    };
    model = [id, 0];
    clip = [id, 1];
  });
  workflow['2'] = {
    class_type: 'CLIPTextEncode',
    inputs: { text: p.prompt, clip },
    _meta: { title: 'Positive' },
  };
  workflow['3'] = {
    class_type: 'CLIPTextEncode',
    inputs: { text: p.negativePrompt, clip },
    _meta: { title: 'Negative' },
  };
  workflow['4'] = {
    class_type: 'EmptyLatentImage',
    inputs: { width: p.width, height: p.height, batch_size: p.batchSize },
  };
  workflow[SAMPLER_NODE] = {
    class_type: 'KSampler',
    inputs: {
      model,
      positive: ['2', 0],
      negative: ['3', 0],
      latent_image: ['4', 0],
      seed: p.seed,
      steps: p.steps,
      cfg: p.cfg,
      sampler_name: p.sampler,
      scheduler: p.scheduler,
      denoise: p.denoise,
    },
  };
  workflow['8'] = { class_type: 'VAEDecode', inputs: { samples: [SAMPLER_NODE, 0], vae: ['1', 2] } };
  workflow[SAVE_NODE] = {
    class_type: 'SaveImage',
    inputs: { images: ['8', 0], filename_prefix: `genonaut/job-${p.jobId}` },
  };
  return workflow;
}
