// Every background job, registered in one place: name → queue, schedule and processor. Boot fails on a
// duplicate name, so two features cannot claim the same job.
import { analyticsJobs } from '../modules/analytics/analytics.jobs';
import { cleanupJob } from '../modules/content/content.jobs';
import { generationJobs } from '../modules/generation/generation.jobs';
import { moderationScanJob } from '../modules/moderation/moderation-scan';
import { statsJobs } from '../modules/stats/stats.jobs';
import { recommendationsJob } from '../modules/recommendations/recommendations.jobs';
import type { Queue } from 'bullmq';
import type { JobContext, RunMeta } from './job-context';
import type { QueueName } from './queues';

export interface JobDefinition {
  name: string;
  queue: QueueName;
  description: string;
  /** Cron pattern in UTC for scheduled jobs. */
  schedule?: string;
  /** Jobs of this name one worker runs at once (the queue's worker takes the largest of its jobs). */
  concurrency?: (ctx: JobContext) => number;
  run(ctx: JobContext, payload: unknown, meta?: RunMeta): Promise<Record<string, unknown>>;
  /**
   * Puts back what the queue lost (Redis emptied or replaced): called when a worker starts and whenever it
   * finds Redis empty again. Returns a line for the log, or null when there was nothing to do.
   */
  recover?(ctx: JobContext, queue: Queue): Promise<string | null>;
}

export function buildRegistry(definitions: JobDefinition[]): Map<string, JobDefinition> {
  const registry = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`job "${definition.name}" is registered twice`);
    registry.set(definition.name, definition);
  }
  return registry;
}

export const jobRegistry = buildRegistry([
  ...statsJobs,
  cleanupJob,
  ...generationJobs,
  moderationScanJob,
  ...analyticsJobs,
  recommendationsJob,
]);
