// Runs the registered jobs: one BullMQ worker per queue that has processors, and a job scheduler for
// each scheduled job (so the queue dashboard shows its next and last runs). A Redis that restarts empty
// loses queued jobs and schedulers; the host notices (its marker key is gone) and puts both back.
import { Queue, Worker, type Job } from 'bullmq';
import type { JobContext } from './job-context';
import { bullConnection, bullPrefix, type QueueName } from './queues';
import type { RegisteredJob } from './job-definition';

export interface WorkerHost {
  /** Upserts the schedulers and runs every job's recover hook (what a launcher does once at start). */
  recover(): Promise<void>;
  close(): Promise<void>;
}

/** How often a worker checks that Redis still holds its state. */
const RESYNC_INTERVAL_MS = 5_000;

async function upsertSchedulers(queue: Queue, definitions: RegisteredJob[]): Promise<void> {
  for (const definition of definitions) {
    if (!definition.schedule) continue;
    await queue.upsertJobScheduler(
      definition.name,
      { pattern: definition.schedule, tz: 'UTC' },
      { name: definition.name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
  }
}

export async function startWorkerHost(
  ctx: JobContext,
  registry: Map<string, RegisteredJob>,
  options: { resyncIntervalMs?: number } = {},
): Promise<WorkerHost> {
  const byQueue = new Map<QueueName, RegisteredJob[]>();
  for (const definition of registry.values()) {
    byQueue.set(definition.queue, [...(byQueue.get(definition.queue) ?? []), definition]);
  }
  const workers: Worker[] = [];
  const queues: Queue[] = [];
  for (const [queueName, definitions] of byQueue) {
    const queue = new Queue(queueName, {
      connection: bullConnection(ctx.config, false),
      prefix: bullPrefix(ctx.config),
    });
    queues.push(queue);
    await upsertSchedulers(queue, definitions);
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        const definition = registry.get(job.name);
        if (!definition) throw new Error(`no processor for job "${job.name}"`);
        const started = Date.now();
        const result = await definition.run(ctx, job.data, {
          attemptsMade: job.attemptsMade,
          maxAttempts: job.opts.attempts ?? 1,
        });
        ctx.log(`${job.name} finished in ${Date.now() - started} ms: ${JSON.stringify(result)}`);
        return result;
      },
      {
        connection: bullConnection(ctx.config, true),
        prefix: bullPrefix(ctx.config),
        concurrency: Math.max(1, ...definitions.map((d) => d.concurrency?.(ctx) ?? 1)),
        // A worker that dies stops renewing its locks; the stalled check of any live worker then puts its
        // jobs back in the queue, and the generation job resumes the image server's run.
        lockDuration: ctx.config.jobLockMs,
        stalledInterval: ctx.config.jobLockMs,
      },
    );
    worker.on('failed', (job, error) => ctx.log(`${job?.name ?? 'job'} failed: ${error.message}`));
    worker.on('error', (error) => ctx.log(`worker error: ${error.message}`));
    workers.push(worker);
  }
  const marker = `${bullPrefix(ctx.config)}:worker-marker`;
  const recover = async (): Promise<void> => {
    for (const queue of queues) {
      const definitions = byQueue.get(queue.name as QueueName) ?? [];
      await upsertSchedulers(queue, definitions);
      for (const definition of definitions) {
        const line = await definition.recover?.(ctx, queue);
        if (line) ctx.log(line);
      }
    }
    await ctx.redis.set(marker, String(Date.now()));
  };
  const resync = async (): Promise<void> => {
    if ((await ctx.redis.exists(marker)) === 0) await recover();
  };
  // At start the marker may already exist (another worker set it); recovery at start is the launcher's.
  await ctx.redis.set(marker, String(Date.now()));
  let resyncing = false;
  const timer = setInterval(() => {
    if (resyncing) return;
    resyncing = true;
    // ctx.redis queues commands while Redis is down, so this waits and does the work once it is back.
    resync()
      .catch(() => {})
      .finally(() => {
        resyncing = false;
      });
  }, options.resyncIntervalMs ?? RESYNC_INTERVAL_MS);
  timer.unref();
  return {
    recover,
    close: async () => {
      clearInterval(timer);
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
