import { UnrecoverableError, type Queue } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { jobNames } from '@genonaut/contracts/jobs';
import type { JobContext } from './job-context';
import { addJob, defineJob, JobPayloadError, parseJobPayload, payloadProblems } from './job-definition';
import { buildRegistry, jobRegistry } from './registry';

// The processors below never touch the context: the payload check comes first.
const ctx = {} as JobContext;

describe('job payloads', () => {
  it('accepts a payload that matches its job’s schema', () => {
    expect(parseJobPayload('generate', { jobId: 7 })).toEqual({ jobId: 7 });
    expect(parseJobPayload('cleanup', {})).toEqual({});
  });

  it('names every problem of a malformed payload', () => {
    expect(payloadProblems('generate', {})).toEqual(['jobId is required']);
    expect(payloadProblems('generate', { jobId: 'seven' })).toEqual(['jobId must be integer']);
    expect(payloadProblems('generate', { jobId: 0 })).toEqual(['jobId must be >= 1']);
    expect(payloadProblems('generate', { jobId: 7, prompt: 'secret' })).toEqual(['unexpected prompt']);
    expect(payloadProblems('cleanup', null)).toEqual(['payload must be object']);
  });

  it('throws an error that BullMQ does not retry, naming the job', () => {
    const error = (() => {
      try {
        parseJobPayload('generate', { jobId: -1 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(JobPayloadError);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toBe('job "generate" has a malformed payload: jobId must be >= 1');
  });
});

describe('defineJob', () => {
  it('runs the processor with the checked payload, and never with a malformed one', async () => {
    const run = vi.fn(async (_ctx: JobContext, payload: { jobId: number }) => ({ seen: payload.jobId }));
    const job = defineJob({ name: 'generate', queue: 'generation', description: 'test', run });
    await expect(job.run(ctx, { jobId: 3 })).resolves.toEqual({ seen: 3 });
    await expect(job.run(ctx, { job: 3 })).rejects.toThrow(
      'job "generate" has a malformed payload: jobId is required; unexpected job',
    );
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('addJob', () => {
  it('refuses a malformed payload before it reaches the queue', () => {
    const add = vi.fn();
    const queue = { add } as unknown as Queue;
    expect(() => addJob(queue, 'generate', { jobId: 1.5 }, {})).toThrow(JobPayloadError);
    expect(add).not.toHaveBeenCalled();
    void addJob(queue, 'generate', { jobId: 2 }, { attempts: 3 });
    expect(add).toHaveBeenCalledWith('generate', { jobId: 2 }, { attempts: 3 });
  });
});

describe('the registry', () => {
  const noop = (name: 'cleanup' | 'sync-models') =>
    defineJob({ name, queue: 'maintenance', description: name, run: async () => ({}) });

  it('has exactly one processor for every job of the contract', () => {
    expect([...jobRegistry.keys()].sort()).toEqual([...jobNames].sort());
  });

  it('refuses a job with no processor, and a job registered twice', () => {
    expect(() => buildRegistry([noop('cleanup')], ['cleanup', 'sync-models'])).toThrow(
      'no processor is registered for job(s) "sync-models"',
    );
    expect(() => buildRegistry([noop('cleanup'), noop('cleanup')], ['cleanup'])).toThrow(
      'job "cleanup" is registered twice',
    );
  });
});
