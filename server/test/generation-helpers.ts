// A whole generation stack for a test: the ComfyUI mock over real HTTP and WebSocket, the API listening
// on a port (for its WebSocket), and a worker host on the same queues, all on a Redis prefix of its own.
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { GenerationJob, ServerMessage } from '@genonaut/contracts';
import { buildComfyMock, type ComfyMockOptions } from '../src/comfyui-mock/server';
import { backendPoolFor } from '../src/comfyui/backends';
import { jobRegistry } from '../src/jobs/registry';
import { syncModels } from '../src/modules/generation/model-sync';
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
  apiUrl: string;
  startWorker(): Promise<WorkerHost>;
  close(): Promise<void>;
}

export async function generationStack(
  options: { mock?: ComfyMockOptions; comfyUrl?: string; env?: Record<string, string> } = {},
): Promise<GenerationStack> {
  let mock: FastifyInstance | null = null;
  let mockUrl = options.comfyUrl ?? '';
  if (!options.comfyUrl) {
    mock = await buildComfyMock({ stepMs: 5, ...options.mock });
    const address = await mock.listen({ host: '127.0.0.1', port: 0 });
    mockUrl = address;
  }
  const prefix = `ggen-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const env = {
    COMFYUI_URLS: `mock=${mockUrl}`,
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
  const workerRedis = createRedis(app.config.redisUrl, { blocking: true });
  return {
    app,
    mock,
    mockUrl,
    apiUrl,
    startWorker: async () => {
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
      );
      hosts.push(host);
      return host;
    },
    close: async () => {
      await Promise.all(hosts.map((h) => h.close()));
      workerRedis.disconnect();
      await app.close();
      await mock?.close();
    },
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
