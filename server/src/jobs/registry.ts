// Every background job, registered in one place: name → queue, schedule and processor. Boot fails on a
// duplicate name, so two features cannot claim the same job.
import { cleanupJob } from '../modules/content/content.jobs';
import { statsJobs } from '../modules/stats/stats.jobs';
import type { JobContext } from './job-context';
import type { QueueName } from './queues';

export interface JobDefinition {
  name: string;
  queue: QueueName;
  description: string;
  /** Cron pattern in UTC for scheduled jobs. */
  schedule?: string;
  run(ctx: JobContext, payload: unknown): Promise<Record<string, unknown>>;
}

export function buildRegistry(definitions: JobDefinition[]): Map<string, JobDefinition> {
  const registry = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`job "${definition.name}" is registered twice`);
    registry.set(definition.name, definition);
  }
  return registry;
}

export const jobRegistry = buildRegistry([...statsJobs, cleanupJob]);
