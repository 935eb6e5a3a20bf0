import type { GenerationJob, JobStatus, LoraUse } from '@genonaut/contracts';
import type { JobRow } from './generation.repository';

export function toGenerationJob(row: JobRow, contentIds: number[]): GenerationJob {
  return {
    id: row.id,
    status: row.status as JobStatus,
    prompt: row.prompt,
    negativePrompt: row.negative_prompt,
    checkpoint: row.checkpoint,
    loras: Array.isArray(row.loras) ? (row.loras as LoraUse[]) : [],
    width: row.width,
    height: row.height,
    batchSize: row.batch_size,
    seed: row.seed,
    steps: row.steps,
    cfg: row.cfg,
    sampler: row.sampler,
    scheduler: row.scheduler,
    denoise: row.denoise,
    source: row.source === 'auto' ? 'auto' : 'regular',
    title: row.title,
    tags: row.tags,
    isPrivate: row.is_private,
    backend: row.backend,
    progress: row.progress,
    attempts: row.attempts,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? row.error_code } : null,
    contentIds,
    createdAt: row.created_at.toISOString(),
    queuedAt: row.queued_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
