import { describe, expect, it } from 'vitest';
import { buildWorkflow, SAMPLER_NODE, SAVE_NODE } from './workflow-builder';

const params = {
  jobId: 42,
  prompt: 'a red fox',
  negativePrompt: 'blurry',
  checkpoint: 'sd_v1-5-pruned-emaonly.safetensors',
  loras: [],
  width: 512,
  height: 768,
  batchSize: 3,
  seed: 7,
  steps: 20,
  cfg: 7,
  sampler: 'euler',
  scheduler: 'normal',
  denoise: 1,
};

describe('buildWorkflow', () => {
  it('wires checkpoint, prompts, latent, sampler, decode and save', () => {
    const w = buildWorkflow(params);
    expect(w['1']).toMatchObject({
      class_type: 'CheckpointLoaderSimple',
      inputs: { ckpt_name: params.checkpoint },
    });
    expect(w['2']?.inputs).toEqual({ text: 'a red fox', clip: ['1', 1] });
    expect(w['4']?.inputs).toEqual({ width: 512, height: 768, batch_size: 3 });
    expect(w[SAMPLER_NODE]?.inputs).toMatchObject({
      model: ['1', 0],
      seed: 7,
      sampler_name: 'euler',
      latent_image: ['4', 0],
    });
    expect(w[SAVE_NODE]?.inputs).toEqual({ images: ['8', 0], filename_prefix: 'genonaut/job-42' });
  });

  it('chains LoRAs: each takes the previous model and clip, the last feeds sampler and encoders', () => {
    const w = buildWorkflow({
      ...params,
      loras: [
        { name: 'a.safetensors', strengthModel: 0.7, strengthClip: 0.6 },
        { name: 'b.safetensors', strengthModel: 1, strengthClip: 1 },
      ],
    });
    expect(w.lora1?.inputs).toMatchObject({
      model: ['1', 0],
      clip: ['1', 1],
      lora_name: 'a.safetensors',
      strength_model: 0.7,
    });
    expect(w.lora2?.inputs).toMatchObject({ model: ['lora1', 0], clip: ['lora1', 1] });
    expect(w[SAMPLER_NODE]?.inputs.model).toEqual(['lora2', 0]);
    expect(w['3']?.inputs.clip).toEqual(['lora2', 1]);
  });
});
