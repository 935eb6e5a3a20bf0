// Runs the registered jobs: one BullMQ worker per queue that has processors, and a job scheduler for
// each scheduled job (so the queue dashboard shows its next and last runs).
import { Queue, Worker, type Job } from 'bullmq';
import type { JobContext } from './job-context';
import { bullConnection, bullPrefix, type QueueName } from './queues';
import type { JobDefinition } from './registry';

export interface WorkerHost {
  close(): Promise<void>;
}

export async function startWorkerHost(
  ctx: JobContext,
  registry: Map<string, JobDefinition>,
): Promise<WorkerHost> {
  const byQueue = new Map<QueueName, JobDefinition[]>();
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
    for (const definition of definitions) {
      if (!definition.schedule) continue;
      await queue.upsertJobScheduler(
        definition.name,
        { pattern: definition.schedule, tz: 'UTC' },
        { name: definition.name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      );
    }
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
  return {
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
