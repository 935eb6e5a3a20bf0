// A whole generation stack for a test: the ComfyUI mock over real HTTP and WebSocket, the API listening
// on a port (for its WebSocket), and a worker host on the same queues, all on a Redis prefix of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterEach, inject } from 'vitest';
import WebSocket from 'ws';
import type { GenerationJob, HistoryResponse, QueueResponse, ServerMessage } from '@genonaut/contracts';
import { buildComfyMock, type ComfyMockOptions } from '../src/comfyui-mock/server';
import { backendPoolFor } from '../src/image-backends/backend-pool';
import { jobRegistry } from '../src/jobs/registry';
import { syncModels } from '../src/modules/models/models.service';
import { seedModelCatalogue } from '../src/db/seeds/demo/seed-taxonomy';
import { startWorkerHost, type WorkerHost } from '../src/jobs/worker-host';
import { createRedis } from '../src/lib/redis';
import { createStorage } from '../src/storage/create-storage';
import { as, type Session } from './auth-helpers';
import { buildTestApp, testConfig } from './test-context';

export interface GenerationStack {
  app: FastifyInstance;
  mock: FastifyInstance | null;
  mockUrl: string;
  /** The second mock (named `mock2`) when the stack was asked for one. */
  mock2Url: string | null;
  apiUrl: string;
  startWorker(options?: { resyncIntervalMs?: number }): Promise<WorkerHost>;
  /** A worker in a process of its own (`genonaut worker`), for tests that kill it. */
  spawnWorker(): Promise<ChildProcess>;
  close(): Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function startMock(options: ComfyMockOptions | undefined): Promise<FastifyInstance> {
  const mock = await buildComfyMock({ stepMs: 5, ...options });
  await mock.listen({ host: '127.0.0.1', port: 0 });
  return mock;
}

const urlOf = (mock: FastifyInstance): string => {
  const address = mock.server.address();
  if (!address || typeof address === 'string') throw new Error('the mock is not listening on a port');
  return `http://127.0.0.1:${address.port}`;
};

export async function generationStack(
  options: {
    mock?: ComfyMockOptions;
    /** Start a second mock backend with these options. */
    mock2?: ComfyMockOptions;
    comfyUrl?: string;
    env?: Record<string, string>;
  } = {},
): Promise<GenerationStack> {
  const mock = options.comfyUrl ? null : await startMock(options.mock);
  const mock2 = options.mock2 ? await startMock(options.mock2) : null;
  const mockUrl = mock ? urlOf(mock) : (options.comfyUrl ?? '');
  const mock2Url = mock2 ? urlOf(mock2) : null;
  const prefix = `ggen-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const env = {
    COMFYUI_URLS: `mock=${mockUrl}${mock2Url ? `,mock2=${mock2Url}` : ''}`,
    REDIS_KEY_PREFIX: prefix,
    GENERATION_MAX_ATTEMPTS: '3',
    ...options.env,
  };
  const app = await buildTestApp(env);
  const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  // What a worker does on start: the shipped catalogue, then what the server really has.
  await seedModelCatalogue(app.db);
  await syncModels(app.db, app.backends);
  const hosts: WorkerHost[] = [];
  const children: ChildProcess[] = [];
  const workerRedis = createRedis(app.config.redisUrl, { blocking: true });
  return {
    app,
    mock,
    mockUrl,
    mock2Url,
    apiUrl,
    startWorker: async (hostOptions = {}) => {
      const config = testConfig(env);
      const host = await startWorkerHost(
        {
          config,
          db: app.db,
          redis: workerRedis,
          storage: createStorage(config),
          backends: backendPoolFor(config),
          log: () => {},
        },
        jobRegistry,
        hostOptions,
      );
      hosts.push(host);
      return host;
    },
    spawnWorker: async () => {
      const child = spawn(path.join(root, 'node_modules/.bin/genonaut'), ['worker'], {
        cwd: root,
        env: {
          ...process.env,
          GENONAUT_ENV: 'test',
          DATABASE_URL: inject('databaseUrl'),
          REDIS_URL: inject('redisUrl'),
          STORAGE_DIR: inject('storageDir'),
          LOG_LEVEL: 'silent',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Worker running')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`worker exited with ${code}:\n${output}`));
        });
      });
      return child;
    },
    close: async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await Promise.all(hosts.map((h) => h.close()));
      workerRedis.disconnect();
      // The pipeline files share one database and run one stack at a time: a job this stack leaves
      // queued or running would be queued again by the next stack's worker start (its recovery) and
      // run on that stack's image server, so it ends with this stack.
      await app.db
        .updateTable('generation_jobs')
        .set({ status: 'cancelled', completed_at: new Date() })
        .where('status', 'in', ['queued', 'running'])
        .execute();
      await app.close();
      await mock?.close();
      await mock2?.close();
    },
  };
}

/**
 * A stack for each test of a file, closed after the test: call once at the top of the file, then
 * `const stack = await stackFor(options)` in a test.
 */
export function stackPerTest(): (
  options?: Parameters<typeof generationStack>[0],
) => Promise<GenerationStack> {
  let current: GenerationStack | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options) => {
    current = await generationStack(options);
    return current;
  };
}

export const baseJob = {
  prompt: 'a lighthouse on a cliff at dusk, watercolor',
  negativePrompt: 'blurry',
  checkpoint: 'sd_v1-5-pruned-emaonly.safetensors',
  width: 256,
  height: 320,
  batchSize: 1,
  steps: 8,
  cfg: 6.5,
  sampler: 'euler',
  scheduler: 'karras',
  seed: 1234,
};

export async function submit(
  app: FastifyInstance,
  session: Session,
  body: Record<string, unknown>,
): Promise<GenerationJob> {
  const response = await app.inject(
    as(session, { method: 'POST', url: '/api/v1/generation-jobs', payload: body }),
  );
  if (response.statusCode !== 202) throw new Error(`submit failed: ${response.statusCode} ${response.body}`);
  return response.json<GenerationJob>();
}

export async function jobState(app: FastifyInstance, session: Session, id: number): Promise<GenerationJob> {
  return (
    await app.inject(as(session, { method: 'GET', url: `/api/v1/generation-jobs/${id}` }))
  ).json<GenerationJob>();
}

/** Polls the job until `done` says so (or the time is up). */
export async function waitForJob(
  app: FastifyInstance,
  session: Session,
  id: number,
  done: (job: GenerationJob) => boolean,
  timeoutMs = 20_000,
): Promise<GenerationJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobState(app, session, id);
    if (done(job)) return job;
    if (Date.now() > until)
      throw new Error(`job ${id} is still ${job.status} (${JSON.stringify(job.error)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The job's content items, by output index. */
export const contentOfJob = (app: FastifyInstance, jobId: number) =>
  app.db
    .selectFrom('content_items')
    .select(['id', 'output_index', 'seed'])
    .where('generation_job_id', '=', jobId)
    .orderBy('output_index')
    .execute();

/** The job's row as the database holds it. */
export const jobRow = (app: FastifyInstance, jobId: number) =>
  app.db.selectFrom('generation_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();

/** The job's analytics events in the order they were written. */
export const eventsOfJob = (app: FastifyInstance, jobId: number) =>
  app.db
    .selectFrom('generation_events')
    .select(['event_type', 'error_code'])
    .where('job_id', '=', jobId)
    .orderBy('id')
    .execute();

/** Polls the job's row until `done` says so (or the time is up). */
export async function waitForRow(
  app: FastifyInstance,
  jobId: number,
  done: (row: Awaited<ReturnType<typeof jobRow>>) => boolean,
  timeoutMs = 20_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRow(app, jobId);
    if (done(row)) return row;
    if (Date.now() > until) throw new Error(`job ${jobId} is still ${row.status} (${row.error_message})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A WebSocket to the API as `session`, collecting every message. */
export async function liveEvents(
  apiUrl: string,
  session: Session,
): Promise<{ messages: ServerMessage[]; socket: WebSocket }> {
  const socket = new WebSocket(`${apiUrl.replace('http', 'ws')}/api/v1/ws`, {
    headers: { cookie: session.cookie, origin: apiUrl },
  });
  const messages: ServerMessage[] = [];
  socket.on('message', (data: WebSocket.RawData) =>
    messages.push(JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '{}') as ServerMessage),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { messages, socket };
}

/** A job's content items in output order. */
export const jobContent = (stack: GenerationStack, jobId: number) =>
  stack.app.db
    .selectFrom('content_items')
    .select(['id', 'output_index', 'seed', 'loras', 'denoise'])
    .where('generation_job_id', '=', jobId)
    .orderBy('output_index')
    .execute();

/** A mock's /queue and /history, as the worker sees them. */
export async function mockQueue(url: string): Promise<QueueResponse> {
  return (await (await fetch(`${url}/queue`)).json()) as QueueResponse;
}

export async function mockHistory(url: string): Promise<HistoryResponse> {
  return (await (await fetch(`${url}/history`)).json()) as HistoryResponse;
}
