// The generation endpoints that need no worker: the queue overview, deleting jobs and the job history with
// its status filter and cursor. Jobs are rows made by the factory, and the queued ones get their entry in
// the real BullMQ queue as a submission makes it (the catalogue, which other tests sync, plays no part).
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse, GenerationJob, JobPage, JobStatus, QueueInfo } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueGeneration, newQueueJobId } from '../src/modules/generation/generation-queue';
import { setQueueJobId } from '../src/modules/generation/generation.repository';
import { as, signUp, type Session } from './auth-helpers';
import { createContent, createJob } from './factories';
import { buildTestApp } from './test-context';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** A job of `session`'s user in `status`; a queued one also waits in the queue. */
async function jobIn(session: Session, status: JobStatus): Promise<number> {
  const finished = ['completed', 'failed', 'cancelled'].includes(status);
  const job = await createJob(app.db, session.user.id, {
    status,
    ...(finished ? { completed_at: new Date() } : {}),
    ...(status === 'running' ? { started_at: new Date() } : {}),
  });
  if (status === 'queued') {
    const queueJobId = newQueueJobId(job.id);
    await setQueueJobId(app.db, job.id, queueJobId);
    await enqueueGeneration(app.queues.get('generation'), app.config, job.id, queueJobId);
  }
  return job.id;
}

const call = (session: Session | null, method: 'GET' | 'DELETE' | 'POST', url: string) =>
  app.inject(as(session, { method, url: `/api/v1${url}` }));

describe('GET /generation-jobs/queue', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/generation-jobs/queue')).statusCode).toBe(401);
  });

  it('counts the waiting and active jobs and places each of the caller’s jobs in the line', async () => {
    const alice = await signUp(app);
    const bob = await signUp(app);
    const a1 = await jobIn(alice, 'queued');
    const b1 = await jobIn(bob, 'queued');
    const a2 = await jobIn(alice, 'queued');
    const a3 = await jobIn(alice, 'queued');
    const running = await jobIn(alice, 'running');
    await jobIn(alice, 'completed');

    const forAlice = (await call(alice, 'GET', '/generation-jobs/queue')).json<QueueInfo>();
    expect(forAlice).toEqual({
      waiting: 4,
      active: 0,
      mine: [
        { jobId: a1, status: 'queued', position: 1 },
        { jobId: a2, status: 'queued', position: 3 },
        { jobId: a3, status: 'queued', position: 4 },
        { jobId: running, status: 'running', position: null },
      ],
    });
    expect((await call(bob, 'GET', '/generation-jobs/queue')).json<QueueInfo>()).toEqual({
      waiting: 4,
      active: 0,
      mine: [{ jobId: b1, status: 'queued', position: 2 }],
    });

    // A cancelled job leaves the line; the ones behind it move up.
    expect((await call(alice, 'POST', `/generation-jobs/${a2}/cancel`)).statusCode).toBe(200);
    const after = (await call(alice, 'GET', '/generation-jobs/queue')).json<QueueInfo>();
    expect(after.waiting).toBe(3);
    expect(after.mine.map((m) => [m.jobId, m.position])).toEqual([
      [a1, 1],
      [a3, 3],
      [running, null],
    ]);
  });
});

describe('DELETE /generation-jobs/:id', () => {
  it('requires authentication', async () => {
    const owner = await signUp(app);
    const id = await jobIn(owner, 'completed');
    expect((await call(null, 'DELETE', `/generation-jobs/${id}`)).statusCode).toBe(401);
  });

  it('refuses another user as if the job did not exist', async () => {
    const owner = await signUp(app);
    const other = await signUp(app);
    const id = await jobIn(owner, 'completed');
    const response = await call(other, 'DELETE', `/generation-jobs/${id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorResponse>().error.code).toBe('not_found');
    expect((await call(owner, 'GET', `/generation-jobs/${id}`)).statusCode).toBe(200);
  });

  it('deletes a completed, failed or cancelled job, keeping its images in the gallery', async () => {
    const owner = await signUp(app);
    for (const status of ['completed', 'failed', 'cancelled'] as const) {
      const id = await jobIn(owner, status);
      const item = await createContent(app.db, owner.user.id, { generation_job_id: id, output_index: 0 });
      const response = await call(owner, 'DELETE', `/generation-jobs/${id}`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect((await call(owner, 'GET', `/generation-jobs/${id}`)).statusCode).toBe(404);
      const kept = await app.db
        .selectFrom('content_items')
        .select('generation_job_id')
        .where('id', '=', item.id)
        .executeTakeFirst();
      expect(kept).toEqual({ generation_job_id: null });
    }
  });

  it('answers 409 for a queued or running job and leaves it alone', async () => {
    const owner = await signUp(app);
    for (const status of ['queued', 'running'] as const) {
      const id = await jobIn(owner, status);
      const response = await call(owner, 'DELETE', `/generation-jobs/${id}`);
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorResponse>().error.code).toBe('conflict');
      expect((await call(owner, 'GET', `/generation-jobs/${id}`)).json<GenerationJob>().status).toBe(status);
    }
  });

  it('answers 404 for a job that does not exist and 400 for a malformed id', async () => {
    const owner = await signUp(app);
    expect((await call(owner, 'DELETE', '/generation-jobs/999999999')).statusCode).toBe(404);
    const bad = await call(owner, 'DELETE', '/generation-jobs/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorResponse>().error.details?.[0]?.field).toBe('params.id');
  });
});

describe('GET /generation-jobs', () => {
  const mixedStatuses: JobStatus[] = [
    'completed',
    'failed',
    'queued',
    'completed',
    'cancelled',
    'running',
    'failed',
  ];

  /** Every page from the first, following nextCursor. */
  async function walk(session: Session, query: string): Promise<JobPage[]> {
    const pages: JobPage[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/generation-jobs?${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await call(session, 'GET', url);
      expect(response.statusCode).toBe(200);
      const page: JobPage = response.json<JobPage>();
      pages.push(page);
      cursor = page.pagination.nextCursor;
      expect(pages.length).toBeLessThan(20);
    } while (cursor);
    return pages;
  }

  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/generation-jobs')).statusCode).toBe(401);
  });

  it('walks the caller’s jobs newest first, page by page, each once, and none of anyone else', async () => {
    const owner = await signUp(app);
    const other = await signUp(app);
    const ids: number[] = [];
    for (const status of mixedStatuses) {
      ids.push(await jobIn(owner, status));
      await jobIn(other, status);
    }

    const pages = await walk(owner, 'pageSize=3');
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((j) => j.id))).toEqual([...ids].reverse());
    expect(pages.map((p) => [p.pagination.hasPrevious, p.pagination.hasNext])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    expect(pages.at(-1)?.pagination.nextCursor).toBeNull();
  });

  it('filters by one status or a comma list of them, across pages', async () => {
    const owner = await signUp(app);
    const jobs: { id: number; status: JobStatus }[] = [];
    for (const status of mixedStatuses) jobs.push({ id: await jobIn(owner, status), status });
    const expected = (wanted: JobStatus[]) =>
      jobs
        .filter((j) => wanted.includes(j.status))
        .map((j) => j.id)
        .reverse();

    const finished = await walk(owner, 'status=completed,failed&pageSize=2');
    expect(finished.flatMap((p) => p.items.map((j) => j.id))).toEqual(expected(['completed', 'failed']));
    expect(finished.flatMap((p) => p.items.map((j) => j.status))).not.toContain('queued');
    const cancelled = await walk(owner, 'status=cancelled');
    expect(cancelled.flatMap((p) => p.items.map((j) => j.id))).toEqual(expected(['cancelled']));
  });

  it('answers 400 naming the parameter for an unknown status, a foreign cursor or a bad page size', async () => {
    const owner = await signUp(app);
    const cases: [string, string][] = [
      ['status=done', 'query.status'],
      ['cursor=not-a-cursor', 'query.cursor'],
      ['pageSize=101', 'query.pageSize'],
    ];
    for (const [query, field] of cases) {
      const response = await call(owner, 'GET', `/generation-jobs?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorResponse>().error.details?.map((d) => d.field)).toEqual([field]);
    }
  });
});
