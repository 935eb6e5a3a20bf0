// What a feature declares to run a background job, typed by the job's payload schema in
// contracts/src/jobs.ts. `defineJob` turns it into the registry's form, whose `run` checks the payload
// before the processor sees it: a job taken with data it was not written for fails with a message
// saying what is wrong, and is not retried (the same data would fail again).
import { UnrecoverableError, type Queue } from 'bullmq';
import { Compile } from 'typebox/compile';
import { jobPayloads, type JobName, type JobPayload } from '@genonaut/contracts/jobs';
import type { JobContext, RunMeta } from './job-context';
import type { QueueName } from './queues';

interface JobOptions {
  queue: QueueName;
  description: string;
  /** Cron pattern in UTC for scheduled jobs. */
  schedule?: string;
  /** Jobs of this name one worker runs at once (the queue's worker takes the largest of its jobs). */
  concurrency?: (ctx: JobContext) => number;
  /**
   * Puts back what the queue lost (Redis emptied or replaced): called when a worker starts and whenever it
   * finds Redis empty again. Returns a line for the log, or null when there was nothing to do.
   */
  recover?(ctx: JobContext, queue: Queue): Promise<string | null>;
}

export interface JobDefinition<N extends JobName> extends JobOptions {
  name: N;
  run(ctx: JobContext, payload: JobPayload<N>, meta?: RunMeta): Promise<Record<string, unknown>>;
}

/** A job as the registry, the worker host and `genonaut jobs run` hold it: it checks its own payload. */
export interface RegisteredJob extends JobOptions {
  name: JobName;
  run(ctx: JobContext, payload: unknown, meta?: RunMeta): Promise<Record<string, unknown>>;
}

export class JobPayloadError extends UnrecoverableError {
  constructor(name: string, problems: string[]) {
    super(`job "${name}" has a malformed payload: ${problems.join('; ')}`);
    this.name = 'JobPayloadError';
  }
}

const validators = new Map(
  Object.entries(jobPayloads).map(([name, schema]) => [name, Compile(schema)] as const),
);

/** What is wrong with `payload` for job `name`, one line per problem (empty when it is right). */
export function payloadProblems(name: JobName, payload: unknown): string[] {
  const validator = validators.get(name);
  if (!validator) return [`no payload schema for job "${name}"`];
  const problems: string[] = [];
  for (const error of validator.Errors(payload)) {
    if (error.keyword === 'boolean') continue; // restated by the additionalProperties error
    const at = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = error.params as { requiredProperties?: string[]; additionalProperties?: string[] };
    if (params.requiredProperties) problems.push(`${params.requiredProperties.join(', ')} is required`);
    else if (params.additionalProperties)
      problems.push(`unexpected ${params.additionalProperties.join(', ')}`);
    else problems.push(`${at || 'payload'} ${error.message}`);
  }
  return problems;
}

/** The payload typed for job `name`, or a JobPayloadError saying what is wrong with it. */
export function parseJobPayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  const problems = payloadProblems(name, payload);
  if (problems.length > 0) throw new JobPayloadError(name, problems);
  return payload as JobPayload<N>;
}

export function defineJob<N extends JobName>(definition: JobDefinition<N>): RegisteredJob {
  return {
    ...definition,
    run: async (ctx, payload, meta) => definition.run(ctx, parseJobPayload(definition.name, payload), meta),
  };
}

/** Adds a job to its queue after checking the payload, so a malformed one never reaches a worker. */
export function addJob<N extends JobName>(
  queue: Queue,
  name: N,
  payload: JobPayload<N>,
  options: Parameters<Queue['add']>[2],
) {
  return queue.add(name, parseJobPayload(name, payload), options);
}
