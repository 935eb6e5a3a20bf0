// Generation jobs in every state for the demo user (and a few for others), so the generation history,
// queue and notifications have something to show. Seeded once: skipped when the demo user has jobs.
import type { Database } from '../../database';
import { loadCheckpoints, loadLoras } from '../catalogue';
import { composePrompt, createRng, type ComposedPrompt } from '../vocabulary/compose-prompt';
import { drawParams, type DemoParams } from './demo-params';
import type { DemoPeople } from './seed-people';

type Status = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** One image of a completed job: the content item made from it repeats the job's prompt and parameters. */
export interface JobOutput {
  jobId: number;
  outputIndex: number;
  composed: ComposedPrompt;
  params: DemoParams;
  completedAt: Date;
}

const plan: { status: Status; batch: number; error?: [string, string] }[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ status: 'completed' as const, batch: (i % 4) + 1 })),
  {
    status: 'failed',
    batch: 2,
    error: ['comfyui_validation', 'Value not in list: ckpt_name: missing_model.safetensors'],
  },
  { status: 'failed', batch: 1, error: ['timeout', 'The job ran past the 15 minute generation timeout'] },
  { status: 'cancelled', batch: 4 },
  { status: 'cancelled', batch: 1 },
  { status: 'running', batch: 2 },
  { status: 'queued', batch: 1 },
];

/**
 * Returns which demo item index each completed job output becomes, so seedContent can link them.
 * Completed outputs take the item indexes 0, 7, 14, … (the demo user's items).
 */
export async function seedJobs(db: Database, people: DemoPeople, now: Date): Promise<Map<number, JobOutput>> {
  const outputs = new Map<number, JobOutput>();
  const existing = await db
    .selectFrom('generation_jobs')
    .select('id')
    .where('user_id', '=', people.demoId)
    .limit(1)
    .execute();
  if (existing.length > 0) return outputs;

  const checkpoints = loadCheckpoints();
  const loras = loadLoras();
  let itemIndex = 0;
  for (const [n, step] of plan.entries()) {
    const rng = createRng(50_021 + n);
    const composed = composePrompt(rng);
    const params = drawParams(rng, checkpoints, loras);
    const created = new Date(now.getTime() - (plan.length - n) * 3_600_000);
    const started = step.status === 'queued' ? null : new Date(created.getTime() + 4_000);
    const terminal = ['completed', 'failed', 'cancelled'].includes(step.status);
    const job = await db
      .insertInto('generation_jobs')
      .values({
        user_id: people.demoId,
        status: step.status,
        prompt: composed.prompt,
        negative_prompt: composed.negativePrompt,
        checkpoint: params.checkpoint,
        loras: JSON.stringify(params.loras),
        width: params.width,
        height: params.height,
        batch_size: step.batch,
        seed: params.seed,
        steps: params.steps,
        cfg: params.cfg,
        sampler: params.sampler,
        scheduler: params.scheduler,
        denoise: params.denoise,
        title: composed.title,
        tags: composed.tags,
        backend: step.status === 'queued' ? null : 'mock',
        progress: step.status === 'completed' ? 1 : step.status === 'running' ? 0.4 : 0,
        attempts: step.status === 'queued' ? 0 : 1,
        error_code: step.error?.[0] ?? null,
        error_message: step.error?.[1] ?? null,
        created_at: created,
        queued_at: created,
        started_at: started,
        completed_at: terminal ? new Date(created.getTime() + 40_000) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (step.status === 'completed') {
      for (let o = 0; o < step.batch; o++) {
        // ComfyUI gives the images of a batch consecutive seeds.
        outputs.set(itemIndex * 7, {
          jobId: job.id,
          outputIndex: o,
          composed,
          params: { ...params, seed: params.seed + o },
          completedAt: new Date(created.getTime() + 40_000),
        });
        itemIndex += 1;
      }
    }
  }
  return outputs;
}
