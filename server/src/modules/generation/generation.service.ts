// Submitting, reading, cancelling, retrying and deleting generation jobs (SPEC §5). The worker side is
// in generation.jobs.ts; both change status only through job-states.ts.
import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CreateJobBody, GenerationJob, JobPage, QueueInfo } from '@genonaut/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { conflict, DomainError, invalid, notFound, unavailable } from '../../errors';
import type { QueueProducers } from '../../jobs/producers';
import { hitLimit } from '../../lib/rate-limiter';
import type { AuthUser } from '../../plugins/auth';
import type { BackendPool } from '../../image-backends/backend-pool';
import { announce } from './job-events';
import { terminalStates, transition } from './job-states';
import { enqueueGeneration, newQueueJobId } from './generation-queue';
import { usableModels } from '../models/models.service';
import { toGenerationJob } from './generation.mapper';
import {
  activeJobCount,
  contentIdsOf,
  deleteJobRow,
  findJob,
  restoreJob,
  insertJob,
  setQueueJobId,
  listJobs,
  openJobsOf,
  recordGenerationEvent,
  type JobRow,
} from './generation.repository';

export interface GenerationDeps {
  db: Database;
  redis: Redis;
  config: Config;
  queues: QueueProducers;
  backends: BackendPool;
}

const MAX_SEED = 2 ** 53 - 1;

async function checkModels(db: Database, body: CreateJobBody): Promise<void> {
  const known = await usableModels(db);
  if (!known.checkpoints.includes(body.checkpoint)) {
    throw invalid(
      'body.checkpoint',
      `unknown checkpoint "${body.checkpoint}"; available: ${known.checkpoints.join(', ')}`,
    );
  }
  const unknown = (body.loras ?? []).map((l) => l.name).filter((n) => !known.loras.includes(n));
  if (unknown.length > 0) {
    throw invalid(
      'body.loras',
      `unknown LoRA ${unknown.map((u) => `"${u}"`).join(', ')}; available: ${known.loras.join(', ')}`,
    );
  }
}

export async function submitJob(
  deps: GenerationDeps,
  caller: AuthUser,
  body: CreateJobBody,
): Promise<GenerationJob> {
  const { config, db } = deps;
  if (body.backend && !deps.backends.get(body.backend)) {
    throw invalid(
      'body.backend',
      `unknown backend; configured: ${deps.backends.backends.map((b) => b.name).join(', ')}`,
    );
  }
  await checkModels(db, body);
  let limit;
  try {
    limit = await hitLimit(
      deps.redis,
      `${config.redisKeyPrefix}:rl:generate:${caller.id}`,
      config.rateLimitGenerationPerMin,
      60,
    );
  } catch {
    throw unavailable('The job queue (Redis)');
  }
  if (!limit.allowed)
    throw new DomainError(
      'rate_limited',
      'Too many submissions; slow down',
      undefined,
      limit.retryAfterSeconds,
    );
  if ((await activeJobCount(db, caller.id)) >= config.maxActiveJobsPerUser) {
    throw new DomainError(
      'rate_limited',
      `You already have ${config.maxActiveJobsPerUser} jobs queued or running`,
      undefined,
      30,
    );
  }
  const seed =
    body.seed === undefined || body.seed < 0 ? randomInt(0, 2 ** 32) : Math.min(body.seed, MAX_SEED);
  // The row is committed before the queue entry exists, so a worker that takes the entry at once always
  // finds the row. If the queue refuses the entry, the row is removed again: nothing half-made remains.
  const inserted = await insertJob(db, {
    user_id: caller.id,
    prompt: body.prompt,
    negative_prompt: body.negativePrompt ?? '',
    checkpoint: body.checkpoint,
    loras: JSON.stringify(body.loras ?? []),
    width: body.width ?? 832,
    height: body.height ?? 1216,
    batch_size: body.batchSize ?? 1,
    seed,
    steps: body.steps ?? 25,
    cfg: body.cfg ?? 7,
    sampler: body.sampler ?? 'euler',
    scheduler: body.scheduler ?? 'normal',
    denoise: body.denoise ?? 1,
    title: body.title ?? null,
    tags: body.tags ?? [],
    is_private: body.isPrivate ?? false,
    backend: body.backend ?? null,
  });
  const queueJobId = newQueueJobId(inserted.id);
  const job = await setQueueJobId(db, inserted.id, queueJobId);
  try {
    await enqueueGeneration(deps.queues.get('generation'), config, job.id, queueJobId);
  } catch {
    await deleteJobRow(db, job.id);
    throw unavailable('The job queue (Redis)');
  }
  await recordGenerationEvent(db, job, 'queued');
  return toGenerationJob(job, []);
}

async function ownJob(db: Database, caller: AuthUser, id: number): Promise<JobRow> {
  const job = await findJob(db, id);
  // Another user's job answers exactly like a missing one.
  if (!job || (job.user_id !== caller.id && caller.role !== 'admin')) throw notFound('Job');
  return job;
}

export async function getJob(db: Database, caller: AuthUser, id: number): Promise<GenerationJob> {
  const job = await ownJob(db, caller, id);
  return toGenerationJob(job, (await contentIdsOf(db, [job.id])).get(job.id) ?? []);
}

export async function listOwnJobs(
  db: Database,
  caller: AuthUser,
  query: { status?: string; cursor?: string; pageSize?: number },
): Promise<JobPage> {
  const statuses = query.status
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad =
    statuses?.filter((s) => !['queued', 'running', 'completed', 'failed', 'cancelled'].includes(s)) ?? [];
  if (bad.length > 0) throw invalid('query.status', `unknown status ${bad.join(', ')}`);
  if (query.cursor !== undefined && !/^\d{1,15}$/.test(query.cursor))
    throw invalid('query.cursor', 'is not a cursor of this listing');
  const pageSize = query.pageSize ?? 25;
  const rows = await listJobs(db, caller.id, {
    statuses,
    beforeId: query.cursor ? Number(query.cursor) : undefined,
    limit: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const ids = await contentIdsOf(
    db,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toGenerationJob(r, ids.get(r.id) ?? [])),
    pagination: {
      pageSize,
      hasNext: rows.length > pageSize,
      hasPrevious: query.cursor !== undefined,
      nextCursor: rows.length > pageSize && last ? String(last.id) : null,
      prevCursor: null,
    },
  };
}

export async function cancelJob(deps: GenerationDeps, caller: AuthUser, id: number): Promise<GenerationJob> {
  const job = await ownJob(deps.db, caller, id);
  if (!(await transition(deps.db, job.id, 'cancelled', { error_code: null, error_message: null }))) {
    throw conflict(`A ${job.status} job cannot be cancelled`);
  }
  // A queued job's entry leaves the queue. A running job's entry is locked by its worker (the removal
  // fails and the worker sees the cancel), unless it waits for a retry or was queued again by recovery.
  if (job.queue_job_id) {
    await deps.queues
      .get('generation')
      .remove(job.queue_job_id)
      .catch(() => 0);
  }
  if (job.status === 'running' && job.backend && job.comfyui_prompt_id) {
    // Take it off the server: drop it from the queue, or interrupt it when it is the one executing.
    await deps.backends
      .get(job.backend)
      ?.abandon(job.comfyui_prompt_id)
      .catch(() => {});
  }
  const updated = (await findJob(deps.db, job.id)) ?? job;
  await recordGenerationEvent(deps.db, updated, 'cancelled');
  await announce(
    { db: deps.db, redis: deps.redis, prefix: deps.config.redisKeyPrefix },
    updated,
    'cancelled',
  );
  return toGenerationJob(updated, []);
}

export async function retryJob(deps: GenerationDeps, caller: AuthUser, id: number): Promise<GenerationJob> {
  const job = await ownJob(deps.db, caller, id);
  // As on submission, the queued state is committed before the queue entry is made.
  const queueJobId = newQueueJobId(job.id);
  const moved = await transition(deps.db, job.id, 'queued', {
    queue_job_id: queueJobId,
    progress: 0,
    error_code: null,
    error_message: null,
    comfyui_prompt_id: null,
    queued_at: new Date(),
    started_at: null,
  });
  if (!moved) throw conflict(`A ${job.status} job cannot be retried; only failed or cancelled ones`);
  try {
    await enqueueGeneration(deps.queues.get('generation'), deps.config, job.id, queueJobId);
  } catch {
    await restoreJob(deps.db, job);
    throw unavailable('The job queue (Redis)');
  }
  const updated = (await findJob(deps.db, job.id)) ?? job;
  await recordGenerationEvent(deps.db, updated, 'retried');
  return toGenerationJob(updated, []);
}

export async function deleteJob(db: Database, caller: AuthUser, id: number): Promise<void> {
  const job = await ownJob(db, caller, id);
  if (!terminalStates.includes(job.status as 'completed'))
    throw conflict('Only finished, failed or cancelled jobs can be deleted');
  await deleteJobRow(db, job.id);
}

export async function queueInfo(deps: GenerationDeps, caller: AuthUser): Promise<QueueInfo> {
  const queue = deps.queues.get('generation');
  let counts;
  let waitingJobs;
  try {
    counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    // In the order a worker takes them, so a job's index is its place in the line.
    waitingJobs = await queue.getJobs(['waiting', 'prioritized'], 0, 1000, true);
  } catch {
    throw unavailable('The job queue (Redis)');
  }
  const order = waitingJobs.map((j) => (j.data as { jobId: number }).jobId);
  const mine = await openJobsOf(deps.db, caller.id);
  return {
    waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    mine: mine.map((j) => {
      const index = order.indexOf(j.id);
      return {
        jobId: j.id,
        status: j.status === 'running' ? 'running' : 'queued',
        position: index >= 0 ? index + 1 : null,
      };
    }),
  };
}
