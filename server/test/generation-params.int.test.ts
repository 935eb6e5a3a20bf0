// Every generation parameter travels the whole way: from the submission into the workflow ComfyUI runs,
// onto each content item of the batch, and the images come back in every size.
import type { ContentDetail, Workflow } from '@genonaut/contracts';
import { describe, expect, it } from 'vitest';
import { loadLoras } from '../src/db/seeds/catalogue';
import { as, signUp } from './auth-helpers';
import { baseJob, jobContent, mockHistory, stackPerTest, submit, waitForJob } from './generation-helpers';

const stackFor = stackPerTest();

describe('a batch of 3 with a LoRA and a partial denoise', () => {
  it('runs them on the server and stores them on every item, with all image sizes served', async () => {
    const stack = await stackFor();
    const { app } = stack;
    const user = await signUp(app);
    const lora = loadLoras()[0]?.filename ?? '';
    const loras = [{ name: lora, strengthModel: 0.8, strengthClip: 0.6 }];
    await stack.startWorker();
    const job = await submit(app, user, { ...baseJob, batchSize: 3, steps: 12, denoise: 0.55, loras });
    expect(job).toMatchObject({ loras, denoise: 0.55 });
    const done = await waitForJob(
      app,
      user,
      job.id,
      (j) => j.status === 'completed' || j.status === 'failed',
    );
    expect(done).toMatchObject({ status: 'completed', error: null });
    expect(done.contentIds).toHaveLength(3);

    // What ComfyUI was asked to run.
    const [entry] = Object.values(await mockHistory(stack.mockUrl));
    const workflow = (entry?.prompt[2] ?? {}) as Workflow;
    expect(workflow.lora1).toMatchObject({
      class_type: 'LoraLoader',
      inputs: { lora_name: lora, strength_model: 0.8, strength_clip: 0.6 },
    });
    expect(workflow['6']?.inputs).toMatchObject({ denoise: 0.55, steps: 12, seed: baseJob.seed });

    const rows = await jobContent(stack, job.id);
    expect(rows.map((r) => [r.loras, r.denoise])).toEqual([
      [loras, 0.55],
      [loras, 0.55],
      [loras, 0.55],
    ]);
    for (const [index, id] of done.contentIds.entries()) {
      const item = (
        await app.inject(as(user, { method: 'GET', url: `/api/v1/content/${id}` }))
      ).json<ContentDetail>();
      expect(item).toMatchObject({
        loras,
        denoise: 0.55,
        steps: 12,
        cfg: baseJob.cfg,
        sampler: baseJob.sampler,
        scheduler: baseJob.scheduler,
        checkpoint: baseJob.checkpoint,
        seed: baseJob.seed + index,
        outputIndex: index,
      });
      for (const size of ['', '?size=small', '?size=medium', '?size=large']) {
        const image = await app.inject(
          as(user, { method: 'GET', url: `/api/v1/content/${id}/image${size}` }),
        );
        expect(image.statusCode, `image${size}`).toBe(200);
        expect(image.headers['content-type']).toBe(size ? 'image/webp' : 'image/png');
        expect(image.rawPayload.length).toBeGreaterThan(0);
      }
    }
  });
});
